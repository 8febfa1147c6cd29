/**
 * Funnel plot: each segment's A/E over the window against its expected count, with the 95% and 99.8%
 * control limits of a segment running at the expected rates. Points are buttons: clicking one (or Enter on
 * it) calls `onSelect(segment)`; the selected segment is ringed.
 */
import * as Plot from "@observablehq/plot";
import type {FunnelLimits} from "../../lib/drift/poisson.ts";
import type {FunnelPoint} from "../../lib/drift/view.ts";
import {formatNumber, formatRatio} from "../../lib/format/drift.js";

export interface FunnelPlotOptions {
  width?: number;
  height?: number;
  selected?: string | null;
  onSelect?: (segment: string) => void;
  segmentLabel?: string;
}

const colors: Record<string, string> = {
  "above 99.8%": "#c0392b",
  "above 95%": "#e67e22",
  within: "#7f8c8d",
  "below 95%": "#2e86c1",
  "below 99.8%": "#1b4f72"
};

export function funnelPlot(
  points: readonly FunnelPoint[],
  curve: readonly FunnelLimits[],
  options: FunnelPlotOptions = {}
): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "drift-funnel";
  if (!points.length) {
    figure.append(Object.assign(document.createElement("p"), {textContent: "No segment to show with these inputs."}));
    return figure;
  }
  const yMax = Math.max(2, ...points.map((p) => p.ae ?? 0), ...curve.map((c) => Math.min(c.high998, 4))) * 1.05;
  const limit = (key: keyof FunnelLimits, stroke: string, dash: string) =>
    Plot.line(curve, {x: "expected", y: (d: FunnelLimits) => Math.min(d[key], yMax), stroke, strokeDasharray: dash});
  const plot = Plot.plot({
    width: options.width ?? 640,
    height: options.height ?? 360,
    marginLeft: 48,
    x: {type: "log", label: "Expected claims over the window →", grid: true},
    y: {label: "↑ A/E", domain: [0, yMax], grid: true},
    marks: [
      Plot.ruleY([1], {stroke: "currentColor"}),
      limit("high95", "#e67e22", "4,3"),
      limit("low95", "#e67e22", "4,3"),
      limit("high998", "#c0392b", "2,2"),
      limit("low998", "#c0392b", "2,2")
    ]
  }) as SVGSVGElement & {scale(name: string): {apply(v: number): number}};
  // Points drawn by hand over Plot's scales, so each one is a focusable button tied to its segment.
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : (plot.querySelector("svg") as SVGSVGElement);
  const x = plot.scale("x");
  const y = plot.scale("y");
  const ns = "http://www.w3.org/2000/svg";
  const layer = document.createElementNS(ns, "g");
  layer.setAttribute("aria-label", "segments");
  for (const p of points) {
    const circle = document.createElementNS(ns, "circle");
    circle.setAttribute("cx", String(x.apply(p.expected)));
    circle.setAttribute("cy", String(y.apply(Math.min(p.ae ?? 0, yMax))));
    circle.setAttribute("r", p.segment === options.selected ? "6" : "4");
    circle.setAttribute("fill", colors[p.zone] ?? "#7f8c8d");
    circle.setAttribute("fill-opacity", "0.8");
    circle.setAttribute("stroke", p.segment === options.selected ? "currentColor" : "white");
    circle.setAttribute("stroke-width", p.segment === options.selected ? "2" : "0.5");
    circle.setAttribute("tabindex", "0");
    circle.setAttribute("role", "button");
    circle.setAttribute("data-segment", p.segment);
    circle.style.cursor = "pointer";
    const title = document.createElementNS(ns, "title");
    title.textContent = `${options.segmentLabel ?? "Segment"} ${p.segment}\nA/E ${formatRatio(p.ae)} (95% ${formatRatio(p.ae_low)}–${formatRatio(p.ae_high)})\nactual ${formatNumber(p.actual)}, expected ${formatNumber(p.expected, 1)}\n${p.zone} limits\nclick to drill down`;
    circle.append(title);
    const select = () => options.onSelect?.(p.segment);
    circle.addEventListener("click", select);
    circle.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Enter" || (event as KeyboardEvent).key === " ") select();
    });
    layer.append(circle);
  }
  svg.append(layer);
  figure.append(plot);
  const caption = document.createElement("figcaption");
  caption.textContent =
    "Each point is a segment: A/E over the window against the claims expected. Dashed lines: 95% (orange) and 99.8% (red) limits of the count a segment running at its expected rate would show (exact Poisson quantiles, Spiegelhalter 2005). Click a point to drill into it.";
  figure.append(caption);
  return figure;
}
