/** The Poisson CUSUM path of one segment over months, its threshold h, and the month it first signalled. */
import * as Plot from "@observablehq/plot";
import type {CusumPoint} from "../../lib/drift/view.ts";
import {formatNumber} from "../../lib/format.js";
import {maskReason} from "../../lib/secrecy.js";
import {chartCaption, chartFigure, chartNote, chartStyle, uncapped} from "./chart-figure.js";

export interface CusumChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

export interface CusumViewLike {
  points: CusumPoint[];
  h: number;
  k: number;
  signal: string | null;
  masked: boolean;
}

export function cusumChart(view: CusumViewLike, options: CusumChartOptions = {}): HTMLElement {
  const figure = chartFigure("drift-cusum");
  if (view.masked) {
    figure.append(chartNote(`Masked: this segment has ${maskReason()}.`));
    return figure;
  }
  const data = view.points.map((p) => ({...p, date: new Date(`${p.month}-01T00:00:00Z`)}));
  const signal = view.signal ? data.find((p) => p.month === view.signal) : undefined;
  const plot = Plot.plot({
    title: options.title,
    width: options.width ?? 640,
    height: options.height ?? 220,
    marginLeft: 48,
    style: chartStyle,
    x: {type: "utc", label: null},
    y: {label: "CUSUM (claims)", grid: true, domain: [0, Math.max(view.h * 1.3, ...data.map((p) => p.s)) * 1.05]},
    marks: [
      Plot.ruleY([view.h], {stroke: "#c0392b", strokeDasharray: "4,3"}),
      Plot.text([view.h], {
        y: (d: number) => d,
        frameAnchor: "left",
        text: () => `h = ${view.h}`,
        dy: -6,
        dx: 4,
        fill: "#c0392b",
        textAnchor: "start"
      }),
      Plot.areaY(data, {x: "date", y: "s", fill: "steelblue", fillOpacity: 0.12, curve: "step-after"}),
      Plot.line(data, {x: "date", y: "s", stroke: "steelblue", curve: "step-after"}),
      Plot.dot(data, {
        x: "date",
        y: "s",
        r: 1.5,
        fill: "steelblue",
        title: (p: (typeof data)[number]) =>
          `${p.month}\nS = ${formatNumber(p.s, 1)}\nactual ${formatNumber(p.actual)}, expected ${formatNumber(p.expected, 1)}`,
        tip: true
      }),
      ...(signal
        ? [Plot.dot([signal], {x: "date", y: "s", r: 5, stroke: "#c0392b", fill: "none", strokeWidth: 2})]
        : [])
    ]
  });
  figure.append(uncapped(plot));
  figure.append(
    chartCaption(
      `One-sided Poisson CUSUM: S = max(0, S + actual − ${formatNumber(view.k, 3)} × expected) each month; it signals above h = ${view.h} claims` +
        (view.signal ? ` (first signal: ${view.signal}).` : " (no signal in this window).")
    )
  );
  return figure;
}
