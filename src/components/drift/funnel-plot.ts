/**
 * Funnel plot: each segment's A/E over the window against its expected count, with the 95% and 99.8% control
 * limits of a segment running at the expected rates. The points are Plot dots made into buttons by a render hook:
 * each one is focusable, clicking it (or Enter or Space on it) calls `onSelect(segment)`; the selected one is ringed.
 */
import * as Plot from "@observablehq/plot";
import type {FunnelLimits} from "../../lib/drift/poisson.ts";
import type {FunnelPoint} from "../../lib/drift/view.ts";
import {formatNumber, formatRatio} from "../../lib/format.js";
import {chartCaption, chartFigure, chartNote, chartStyle, uncapped} from "./chart-figure.js";

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
  const figure = chartFigure("drift-funnel");
  if (!points.length) {
    figure.append(chartNote("No segment to show with these inputs."));
    return figure;
  }
  const yMax = Math.max(2, ...points.map((p) => p.ae ?? 0), ...curve.map((c) => Math.min(c.high998, 4))) * 1.05;
  const limit = (key: keyof FunnelLimits, stroke: string, dash: string) =>
    Plot.line(curve, {x: "expected", y: (d: FunnelLimits) => Math.min(d[key], yMax), stroke, strokeDasharray: dash});
  const selected = (p: FunnelPoint) => p.segment === options.selected;
  const label = options.segmentLabel ?? "Segment";
  const plot = Plot.plot({
    width: options.width ?? 640,
    height: options.height ?? 360,
    marginLeft: 48,
    style: chartStyle,
    x: {type: "log", label: "Expected claims over the window →", grid: true},
    y: {label: "↑ A/E", domain: [0, yMax], grid: true},
    // The dots' fill, stroke and radius are given as they are drawn.
    color: {type: "identity"},
    r: {type: "identity"},
    marks: [
      Plot.ruleY([1], {stroke: "currentColor"}),
      limit("high95", "#e67e22", "4,3"),
      limit("low95", "#e67e22", "4,3"),
      limit("high998", "#c0392b", "2,2"),
      limit("low998", "#c0392b", "2,2"),
      Plot.dot(points, {
        x: "expected",
        y: (p: FunnelPoint) => Math.min(p.ae ?? 0, yMax),
        r: (p: FunnelPoint) => (selected(p) ? 6 : 4),
        fill: (p: FunnelPoint) => colors[p.zone] ?? colors.within,
        fillOpacity: 0.8,
        stroke: (p: FunnelPoint) => (selected(p) ? "currentColor" : "white"),
        strokeWidth: (p: FunnelPoint) => (selected(p) ? 2 : 0.5),
        sort: null,
        title: (p: FunnelPoint) =>
          `${label} ${p.segment}\nA/E ${formatRatio(p.ae)} (95% ${formatRatio(p.ae_low)}–${formatRatio(p.ae_high)})\nactual ${formatNumber(p.actual)}, expected ${formatNumber(p.expected, 1)}\n${p.zone} limits\nclick to drill down`,
        render(index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          g.setAttribute("aria-label", "segments");
          g.querySelectorAll("circle").forEach((circle, i) => asButton(circle, points[index[i]], options.onSelect));
          return g;
        }
      })
    ]
  });
  figure.append(uncapped(plot));
  figure.append(
    chartCaption(
      "Each point is a segment: A/E over the window against the claims expected. Dashed lines: 95% (orange) and 99.8% (red) limits of the count a segment running at its expected rate would show (exact Poisson quantiles, Spiegelhalter 2005). Click a point to drill into it."
    )
  );
  return figure;
}

/** A dot as a keyboard-reachable button tied to its segment. */
function asButton(circle: SVGCircleElement, point: FunnelPoint, onSelect?: (segment: string) => void): void {
  circle.setAttribute("tabindex", "0");
  circle.setAttribute("role", "button");
  circle.setAttribute("data-segment", point.segment);
  circle.setAttribute("aria-label", `Drill into ${point.segment}`);
  circle.style.cursor = "pointer";
  const select = () => onSelect?.(point.segment);
  circle.addEventListener("click", select);
  circle.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select();
    }
  });
}
