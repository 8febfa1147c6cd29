/**
 * The score's distribution per period as small multiples: the share of each reference decile bin (ten bins fixed
 * on the reference window's deciles, so the reference is flat at 10%), the reference drawn in every panel, the
 * panel of the period the reader picked (if any) in orange.
 */
import * as Plot from "@observablehq/plot";

export interface BinShare {
  period: string;
  bin: number;
  share: number;
}

export function distributionMultiples(
  shares: readonly BinShare[],
  options: {width?: number; periods: readonly string[]; selected?: string | null}
): SVGSVGElement | HTMLElement {
  const reference = shares.filter((s) => s.period === "reference");
  const shown = shares.filter((s) => options.periods.includes(s.period));
  const columns = 6;
  const faceted = (rows: readonly BinShare[]) =>
    options.periods.flatMap((period, i) =>
      rows.map((r) => ({...r, panel: period, fx: i % columns, fy: Math.floor(i / columns)}))
    );
  return Plot.plot({
    width: options.width,
    height: 130 * Math.ceil(options.periods.length / columns) + 30,
    fx: {axis: null},
    fy: {axis: null},
    x: {label: "reference decile bin", ticks: []},
    y: {label: "share", tickFormat: "%", ticks: 2},
    marks: [
      Plot.barY(
        faceted(shown).filter((r) => r.panel === r.period),
        {
          fx: "fx",
          fy: "fy",
          x: "bin",
          y: "share",
          fill: (d: BinShare) => (d.period === options.selected ? "darkorange" : "steelblue"),
          title: (d) => `${d.period}, bin ${d.bin + 1}: ${(d.share * 100).toFixed(1)}%`
        }
      ),
      Plot.lineY(faceted(reference), {
        fx: "fx",
        fy: "fy",
        x: "bin",
        y: "share",
        stroke: "currentColor",
        strokeDasharray: "3,2"
      }),
      Plot.text(
        options.periods.map((period, i) => ({period, fx: i % columns, fy: Math.floor(i / columns)})),
        {fx: "fx", fy: "fy", text: "period", frameAnchor: "top-left", dx: 3, dy: 3, fontSize: 10}
      )
    ]
  });
}
