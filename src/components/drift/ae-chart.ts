/**
 * A/E over time for one segment: the ratio per period, its exact 95% band, and the line A/E = 1.
 * Masked periods (fewer than 11 insured, ../../lib/secrecy.ts) are left out and said so under the chart.
 */
import * as Plot from "@observablehq/plot";
import type {AePoint} from "../../lib/drift/view.ts";
import {formatNumber, formatRatio} from "../../lib/format.js";
import {maskReason} from "../../lib/secrecy.js";
import {chartCaption, chartFigure, chartNote, chartStyle, uncapped} from "./chart-figure.js";

export interface AeChartOptions {
  title?: string;
  width?: number;
  height?: number;
  /** Period marked as the drift's onset (same label format as the points). */
  onset?: string | null;
}

export function aeChart(points: readonly AePoint[], options: AeChartOptions = {}): HTMLElement {
  const shown = points
    .filter((p) => !p.masked && p.ae !== null)
    .map((p) => ({...p, date: new Date(`${p.period_start}T00:00:00Z`)}));
  const masked = points.filter((p) => p.masked).length;
  const figure = chartFigure("drift-ae-chart");
  if (!shown.length) {
    figure.append(chartNote("No period to show: every period is masked or has nothing expected."));
    return figure;
  }
  const onset = options.onset ? shown.find((p) => p.period >= options.onset!)?.date : undefined;
  const tip = (p: (typeof shown)[number]) =>
    `${p.period}\nA/E ${formatRatio(p.ae)} (95% ${formatRatio(p.ae_low)}–${formatRatio(p.ae_high)})\nactual ${formatNumber(p.actual)}, expected ${formatNumber(p.expected, 1)}\nexposure ${formatNumber(p.exposure_years, 1)} insured-years`;
  const plot = Plot.plot({
    title: options.title,
    width: options.width ?? 640,
    height: options.height ?? 260,
    marginLeft: 48,
    style: chartStyle,
    x: {type: "utc", label: null},
    y: {label: "A/E", grid: true, zero: true},
    marks: [
      Plot.areaY(shown, {
        x: "date",
        y1: "ae_low",
        y2: "ae_high",
        fill: "steelblue",
        fillOpacity: 0.18,
        curve: "step-after"
      }),
      Plot.ruleY([1], {stroke: "currentColor", strokeDasharray: "4,3"}),
      ...(onset
        ? [
            Plot.ruleX([onset], {stroke: "#c0392b", strokeDasharray: "2,2"}),
            Plot.text([onset], {
              x: (d: Date) => d,
              frameAnchor: "top",
              text: () => "onset",
              dx: 4,
              textAnchor: "start",
              fill: "#c0392b"
            })
          ]
        : []),
      Plot.line(shown, {x: "date", y: "ae", stroke: "steelblue"}),
      Plot.dot(shown, {x: "date", y: "ae", r: 2.5, fill: "steelblue", title: tip, tip: true})
    ]
  });
  figure.append(uncapped(plot));
  figure.append(
    chartCaption(
      "A/E = actual claims / expected claims per period; the band is the exact Poisson (Garwood) 95% interval." +
        (masked ? ` ${masked} period${masked > 1 ? "s" : ""} with ${maskReason()} masked.` : "")
    )
  );
  return figure;
}
