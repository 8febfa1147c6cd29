/**
 * Loss ratio S/P as a heat map: one row per segment, one column per accident year, the ratio written in
 * each cell. Cells describing fewer than 11 insured (../../lib/secrecy.ts) are grey and say so.
 */
import * as Plot from "@observablehq/plot";
import {formatEurCompact, formatPercent, MISSING} from "../../lib/format.js";
import {MASK, maskReason} from "../../lib/secrecy.js";
import {chartCaption, chartFigure, chartNote, chartStyle, uncapped} from "./chart-figure.js";

export interface HeatCell {
  segment: string;
  year: number;
  premium_eur: number;
  cost_eur: number;
  loss_ratio: number | null;
  masked: boolean;
}

export interface HeatmapOptions {
  width?: number;
  segmentLabel?: string;
  selected?: string | null;
}

const legendStyle = {style: chartStyle};

export function lossRatioHeatmap(cells: readonly HeatCell[], options: HeatmapOptions = {}): HTMLElement {
  const figure = chartFigure("drift-heatmap");
  if (!cells.length) {
    figure.append(chartNote("No premium or claim in this window."));
    return figure;
  }
  const segments = [...new Set(cells.map((c) => c.segment))];
  const data = cells.map((c) => ({...c, year: String(c.year), shown: c.masked ? null : c.loss_ratio}));
  const dark = (c: (typeof data)[number]) => c.shown !== null && (c.shown < 0.6 || c.shown >= 1.5);
  const label = (c: (typeof data)[number]) =>
    c.masked ? MASK : c.loss_ratio === null ? MISSING : formatPercent(c.loss_ratio);
  const plot = Plot.plot({
    width: options.width ?? 640,
    height: Math.max(120, 26 * segments.length + 60),
    marginLeft: 90,
    style: chartStyle,
    padding: 0.05,
    x: {label: "Accident year", axis: "top", type: "band"},
    y: {label: null, domain: segments},
    // Threshold bins read faster than a continuous ramp: below 60%, ..., above 150%.
    color: {
      type: "threshold",
      domain: [0.6, 0.8, 1.0, 1.2, 1.5],
      range: ["#2166ac", "#92c5de", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"],
      legend: true,
      label: "S/P",
      tickFormat: (d: number) => formatPercent(d),
      // The legend takes Plot's `style` option too, though ScaleOptions does not declare it.
      ...legendStyle
    },
    marks: [
      // Grey cells first: no premium or masked (Plot drops marks whose fill is missing, so they get their own).
      Plot.cell(
        data.filter((c) => c.shown === null),
        {
          x: "year",
          y: "segment",
          fill: "#e0e0e0",
          title: (c: (typeof data)[number]) =>
            c.masked ? `${c.segment} ${c.year}: ${maskReason()}, masked` : `${c.segment} ${c.year}: no earned premium`
        }
      ),
      Plot.cell(
        data.filter((c) => c.shown !== null),
        {
          x: "year",
          y: "segment",
          fill: "shown",
          title: (c: (typeof data)[number]) =>
            `${c.segment} ${c.year}\nS/P ${label(c)}\nclaims cost ${formatEurCompact(c.cost_eur)}\nearned premium ${formatEurCompact(c.premium_eur)}`,
          tip: true
        }
      ),
      ...(options.selected
        ? [
            Plot.cell(
              data.filter((c) => c.segment === options.selected),
              {x: "year", y: "segment", fill: "none", stroke: "currentColor", strokeWidth: 1.5}
            )
          ]
        : []),
      // White text on the darkest bins, black elsewhere.
      // (two marks with constant fills: a fill channel would go through the S/P colour scale).
      Plot.text(
        data.filter((c) => !dark(c)),
        {x: "year", y: "segment", text: label, fill: "black", fontSize: 12}
      ),
      Plot.text(data.filter(dark), {x: "year", y: "segment", text: label, fill: "white", fontSize: 12})
    ]
  });
  figure.append(uncapped(plot));
  figure.append(
    chartCaption(
      `S/P = claims cost (paid + reserve at the snapshot, all guarantees, by year of event) / earned premium of the year. Grey: no premium; “${MASK}”: ${maskReason()}, masked.`
    )
  );
  return figure;
}
