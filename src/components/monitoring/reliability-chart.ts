/**
 * Reliability diagram: observed abuse rate against mean predicted score per score bin, the claims at each point. A
 * masked bin (fewer than 11 claims) has no figures and is left out; the page says how many.
 */
import * as Plot from "@observablehq/plot";

export interface ReliabilityPoint {
  bin: number;
  claims: number;
  mean_predicted: number | null;
  observed_rate: number | null;
}

export function reliabilityChart(
  points: readonly ReliabilityPoint[],
  options: {width?: number} = {}
): SVGSVGElement | HTMLElement {
  const defined = points.filter((p) => p.claims > 0 && p.mean_predicted !== null && p.observed_rate !== null);
  const top = Math.min(1, Math.max(0.1, ...defined.map((p) => Math.max(p.mean_predicted!, p.observed_rate!))) * 1.1);
  return Plot.plot({
    width: Math.min(options.width ?? 520, 520),
    height: 360,
    x: {label: "mean predicted score", domain: [0, top], grid: true},
    y: {label: "observed abuse rate", domain: [0, top], grid: true},
    r: {range: [3, 14]},
    marks: [
      Plot.line(
        [
          [0, 0],
          [top, top]
        ],
        {stroke: "#999", strokeDasharray: "4,3"}
      ),
      Plot.line(defined, {x: "mean_predicted", y: "observed_rate", stroke: "steelblue"}),
      Plot.dot(defined, {
        x: "mean_predicted",
        y: "observed_rate",
        r: "claims",
        fill: "steelblue",
        fillOpacity: 0.6,
        tip: true,
        title: (d: ReliabilityPoint) =>
          `bin ${d.bin + 1}: ${d.claims} claims, predicted ${d.mean_predicted!.toFixed(3)}, observed ${d.observed_rate!.toFixed(3)}`
      }),
      Plot.text(defined, {
        x: "mean_predicted",
        y: "observed_rate",
        text: (d: ReliabilityPoint) => String(d.claims),
        dy: -12,
        fontSize: 9
      })
    ]
  });
}
