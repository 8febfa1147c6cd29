/**
 * Feature drift: PSI per feature (rows, ranked by their largest PSI) and period, the significant cells outlined in
 * red and the column of the period the reader picked (if any) in the text colour.
 */
import * as Plot from "@observablehq/plot";

export interface FeatureCell {
  feature: string;
  period: string;
  psi: number | null;
}

export function featureHeatmap(
  cells: readonly FeatureCell[],
  options: {width?: number; significant: number; selected?: string | null}
): SVGSVGElement | HTMLElement {
  const largest = new Map<string, number>();
  for (const c of cells) largest.set(c.feature, Math.max(largest.get(c.feature) ?? 0, c.psi ?? 0));
  const features = [...largest.keys()].sort((a, b) => largest.get(b)! - largest.get(a)! || a.localeCompare(b));
  const periods = [...new Set(cells.map((c) => c.period))].sort();
  return Plot.plot({
    width: options.width,
    height: 28 * features.length + 70,
    marginLeft: 150,
    marginBottom: 45,
    x: {label: null, tickRotate: -45, domain: periods},
    y: {label: null, domain: features},
    color: {
      type: "sqrt",
      scheme: "oranges",
      domain: [0, Math.max(options.significant * 1.5, ...largest.values())],
      legend: true,
      label: "PSI"
    },
    marks: [
      Plot.cell(cells, {
        x: "period",
        y: "feature",
        fill: (d: FeatureCell) => d.psi,
        title: (d: FeatureCell) => `${d.feature}, ${d.period}: PSI ${d.psi === null ? "undefined" : d.psi.toFixed(3)}`
      }),
      Plot.cell(
        cells.filter((c) => c.psi !== null && c.psi > options.significant),
        {x: "period", y: "feature", stroke: "red", strokeWidth: 1.5, fill: "none"}
      ),
      Plot.cell(
        cells.filter((c) => c.period === options.selected),
        {x: "period", y: "feature", stroke: "currentColor", strokeWidth: 2, fill: "none"}
      )
    ]
  });
}
