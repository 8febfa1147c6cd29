/**
 * One curve over capacity (gain, lift or net savings) drawn with Plot, plus a marker for the chosen capacity.
 * The curve is drawn when the data or the economics change; `setPoint` only moves the marker (two attributes),
 * so dragging the capacity slider never redraws the chart.
 */
import * as Plot from "@observablehq/plot";

import type {XY} from "../../lib/roi/explorer-charts.js";

export type {XY};

export interface CurveChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Reference lines drawn dashed: a horizontal value with its label. */
  rules?: {y: number; label: string}[];
  /** Reference series drawn thin and grey (e.g. random ordering, today's rule). */
  references?: {points: XY[]; label: string}[];
  /** Highlighted points with a label (e.g. the optimum). */
  marks?: {x: number; y: number; label: string}[];
  yPercent?: boolean;
  width?: number;
  height?: number;
}

export interface CurveChart extends HTMLElement {
  /** Moves the chosen-point marker to (x, y); y is kept inside the plot area. */
  setPoint(x: number, y: number | null): void;
}

const SVG = "http://www.w3.org/2000/svg";

export function curveChart(points: readonly XY[], options: CurveChartOptions): CurveChart {
  const {rules = [], references = [], marks = [], width = 640, height = 260} = options;
  const figure = document.createElement("figure") as unknown as CurveChart;
  figure.className = "roi-chart";
  const caption = document.createElement("h3");
  caption.textContent = options.title;
  figure.append(caption);
  const plot = Plot.plot({
    width,
    height,
    marginLeft: 70,
    marginBottom: 40,
    style: {fontSize: "12px"},
    x: {label: options.xLabel, grid: true},
    y: {label: options.yLabel, grid: true, ...(options.yPercent ? {tickFormat: "%"} : {})},
    marks: [
      ...rules.map((rule) =>
        Plot.ruleY([rule.y], {stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "4,4"})
      ),
      // Labels alternate above and below their lines, so two close rules (lift 1, break-even) stay readable.
      ...rules.map((rule, i) =>
        Plot.text([rule], {
          x: () => points[points.length - 1]?.x ?? 0,
          y: "y",
          text: "label",
          textAnchor: "end",
          dy: i % 2 ? 14 : -6,
          fillOpacity: 0.7
        })
      ),
      ...references.map((ref) =>
        Plot.line(ref.points, {x: "x", y: "y", stroke: "gray", strokeOpacity: 0.7, strokeDasharray: "2,3"})
      ),
      ...references.map((ref) =>
        Plot.text(ref.points.slice(-1), {
          x: "x",
          y: "y",
          text: () => ref.label,
          textAnchor: "end",
          dy: 12,
          fill: "gray"
        })
      ),
      Plot.line(points, {x: "x", y: "y", stroke: "steelblue", strokeWidth: 2}),
      ...marks.map((mark) => Plot.dot([mark], {x: "x", y: "y", r: 4, fill: "darkorange"})),
      ...marks.map((mark) => Plot.text([mark], {x: "x", y: "y", text: "label", dy: -10, fill: "darkorange"}))
    ]
  });
  figure.append(plot);

  const x = plot.scale("x")!;
  const y = plot.scale("y")!;
  const [top, bottom] = [Math.min(...(y.range as number[])), Math.max(...(y.range as number[]))];
  const marker = document.createElementNS(SVG, "g");
  marker.setAttribute("class", "roi-chosen");
  const line = document.createElementNS(SVG, "line");
  line.setAttribute("y1", String(top));
  line.setAttribute("y2", String(bottom));
  line.setAttribute("stroke", "crimson");
  line.setAttribute("stroke-opacity", "0.5");
  const dot = document.createElementNS(SVG, "circle");
  dot.setAttribute("r", "5");
  dot.setAttribute("fill", "crimson");
  marker.append(line, dot);
  (plot instanceof SVGSVGElement ? plot : plot.querySelector("svg"))?.append(marker);

  figure.setPoint = (px, py) => {
    const cx = x.apply(px) as number;
    line.setAttribute("x1", String(cx));
    line.setAttribute("x2", String(cx));
    dot.setAttribute("cx", String(cx));
    dot.setAttribute("visibility", py === null ? "hidden" : "visible");
    const cy = py === null ? bottom : Math.min(bottom, Math.max(top, y.apply(py) as number));
    dot.setAttribute("cy", String(cy));
    marker.dataset.x = String(px);
    marker.dataset.y = py === null ? "" : String(py);
  };
  return figure;
}
