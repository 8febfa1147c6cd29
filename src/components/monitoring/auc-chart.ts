/**
 * Ranking performance per period: the AUC with its 95% DeLong interval on every decided claim (naive) and on the
 * random arm (unbiased), against the validation AUC (the dashed rule). Periods with one class only have no AUC. The
 * period the reader picked (if any) is shaded.
 */
import * as Plot from "@observablehq/plot";

export interface AucPoint {
  period: string;
  sample: "all decided" | "random arm";
  auc: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

export function aucChart(
  points: readonly AucPoint[],
  options: {width?: number; validation: number | null; periods: readonly string[]; selected?: string | null}
): SVGSVGElement | HTMLElement {
  const defined = points.filter((p) => p.auc !== null);
  return Plot.plot({
    width: options.width,
    height: 260,
    marginBottom: 45,
    x: {label: null, tickRotate: -45, domain: options.periods},
    y: {label: "ROC AUC", domain: [0.3, 1], grid: true},
    color: {legend: true, domain: ["all decided", "random arm"]},
    marks: [
      ...(options.selected ? [Plot.ruleX([options.selected], {stroke: "#ddd", strokeWidth: 16})] : []),
      Plot.ruleY([0.5], {stroke: "#999"}),
      ...(options.validation === null
        ? []
        : [Plot.ruleY([options.validation], {stroke: "green", strokeDasharray: "5,3"})]),
      ...(["all decided", "random arm"] as const).flatMap((sample) => {
        const rows = defined.filter((d) => d.sample === sample);
        const dx = sample === "random arm" ? 4 : -4;
        return [
          Plot.ruleX(
            rows.filter((d) => d.low !== null && d.high !== null),
            {x: "period", y1: "low", y2: "high", stroke: "sample", dx}
          ),
          Plot.dot(rows, {
            x: "period",
            y: "auc",
            fill: "sample",
            dx,
            tip: true,
            title: (d: AucPoint) =>
              `${d.period}, ${d.sample}: AUC ${d.auc!.toFixed(3)} ${
                d.low === null || d.high === null
                  ? "(no interval: one claim in a class)"
                  : `[${d.low.toFixed(3)}, ${d.high.toFixed(3)}]`
              }, ${d.n} claims`
          })
        ];
      })
    ]
  });
}
