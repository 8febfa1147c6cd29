/**
 * A drift statistic (PSI) per period, with the moderate and significant thresholds drawn as rules, and the period
 * the reader picked (if any) marked by a vertical rule and a ring.
 */
import * as Plot from "@observablehq/plot";

export interface PsiPoint {
  period: string;
  psi: number | null;
}

export function psiChart(
  points: readonly PsiPoint[],
  options: {
    width?: number;
    thresholds: {moderate: number; significant: number};
    label?: string;
    selected?: string | null;
  }
): SVGSVGElement | HTMLElement {
  const defined = points.filter((p) => p.psi !== null);
  const top = Math.max(options.thresholds.significant * 1.25, ...defined.map((p) => p.psi!));
  return Plot.plot({
    width: options.width,
    height: 220,
    marginBottom: 45,
    x: {label: null, tickRotate: -45, domain: points.map((p) => p.period)},
    y: {label: options.label ?? "PSI", domain: [0, top], grid: true},
    marks: [
      ...selectedMarks(defined, options.selected ?? null),
      Plot.ruleY([options.thresholds.moderate], {stroke: "orange", strokeDasharray: "4,3"}),
      Plot.ruleY([options.thresholds.significant], {stroke: "red", strokeDasharray: "4,3"}),
      Plot.lineY(defined, {x: "period", y: "psi", stroke: "currentColor"}),
      Plot.dot(defined, {
        x: "period",
        y: "psi",
        r: 3,
        fill: (d: PsiPoint) =>
          d.psi! >= options.thresholds.significant
            ? "red"
            : d.psi! >= options.thresholds.moderate
              ? "orange"
              : "currentColor",
        tip: true,
        title: (d: PsiPoint) => `${d.period}: PSI ${d.psi!.toFixed(3)}`
      })
    ]
  });
}

function selectedMarks(points: readonly PsiPoint[], selected: string | null) {
  if (selected === null) return [];
  return [
    Plot.ruleX([selected], {stroke: "#999", strokeWidth: 1.5}),
    Plot.dot(
      points.filter((p) => p.period === selected),
      {x: "period", y: "psi", r: 7, stroke: "currentColor", strokeWidth: 1.5}
    )
  ];
}
