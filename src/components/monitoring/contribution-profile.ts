/**
 * What drives the score, by score band: the mean contribution of each feature to the logit in each band of the
 * reference deciles (band 10 = the top decile), red pushing the score up, blue down. Aggregates only: a band of
 * fewer than 11 claims is masked (grey).
 */
import * as Plot from "@observablehq/plot";

export interface ProfileCell {
  band: number;
  feature: string;
  claims: number;
  mean_contribution: number | null;
  masked: boolean;
}

export function contributionProfile(
  cells: readonly ProfileCell[],
  options: {width?: number} = {}
): SVGSVGElement | HTMLElement {
  const extent = Math.max(0.01, ...cells.map((c) => Math.abs(c.mean_contribution ?? 0)));
  const features = [...new Set(cells.map((c) => c.feature))].sort();
  return Plot.plot({
    width: options.width,
    height: 28 * features.length + 70,
    marginLeft: 150,
    x: {label: "score band (reference decile)", tickFormat: (b: number) => String(b + 1)},
    y: {label: null, domain: features},
    color: {
      type: "diverging",
      scheme: "rdbu",
      reverse: true,
      domain: [-extent, extent],
      legend: true,
      label: "mean contribution to the logit"
    },
    marks: [
      // A masked cell is drawn grey with a dash, so it does not read as a missing band.
      Plot.cell(
        cells.filter((d) => d.masked),
        {x: "band", y: "feature", fill: "#eee"}
      ),
      Plot.text(
        cells.filter((d) => d.masked),
        {x: "band", y: "feature", text: () => "–", fill: "#999"}
      ),
      Plot.cell(cells, {
        x: "band",
        y: "feature",
        fill: (d: ProfileCell) => (d.masked ? null : d.mean_contribution),
        title: (d: ProfileCell) =>
          d.masked
            ? `band ${d.band + 1}: masked (${d.claims} claims)`
            : `${d.feature}, band ${d.band + 1}: ${d.mean_contribution!.toFixed(3)} (${d.claims} claims)`
      })
    ]
  });
}
