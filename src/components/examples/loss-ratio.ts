/**
 * Loss ratio by year and guarantee, as the four language examples publish it (src/examples/data/loss-ratio-*):
 * one bar per year, stacked by guarantee, so each year's bar is its S/P and each part a guarantee's share. Masked
 * cells (fewer than 11 insured) are left out of the bars and said so under the chart.
 */
import * as Plot from "@observablehq/plot";

export interface LossRatioCell {
  year: number;
  guarantee: string;
  loss_ratio: number | null;
  /** Said by some loaders; a masked cell has no loss ratio either way. */
  masked?: boolean;
}

export function lossRatioChart(cells: readonly LossRatioCell[], {width = 640}: {width?: number} = {}) {
  const shown = cells.filter((c) => !c.masked && c.loss_ratio !== null);
  const masked = cells.length - shown.length;
  return Plot.plot({
    style: {fontSize: "12px"},
    width,
    height: 300,
    marginLeft: 50,
    x: {label: null, tickFormat: "d", type: "band"},
    y: {label: "↑ Loss ratio S/P", grid: true, percent: true},
    color: {legend: true, label: "Guarantee"},
    caption: masked ? `${masked} cell(s) of fewer than 11 insured masked, not drawn.` : undefined,
    marks: [Plot.barY(shown, {x: "year", y: "loss_ratio", fill: "guarantee", tip: true}), Plot.ruleY([0])]
  });
}
