/**
 * The S/P heat map's cells: contracts are many, so the page shows the `top` segments with the most earned premium
 * over the window's years, plus the selected one wherever it ranks.
 */
import type {ColumnTable} from "arquero";
import {largestSegments} from "./top-segments.js";
import {lossRatioCells, lossRatioView} from "./view.js";

export interface HeatmapViewInputs {
  dimension: string;
  /** "YYYY-MM", inclusive. */
  from: string;
  to: string;
  /** A segment shown even when it is not among the largest. */
  selected?: string | null;
  /** How many segments at most, besides the selected one (default 25). */
  top?: number;
}

/** The cells to draw, how many segments they show and of how many with premium or claims in the window. */
export function heatmapView(lossCells: ColumnTable, inputs: HeatmapViewInputs) {
  const inWindow = lossRatioCells(lossCells, inputs.dimension, inputs.from, inputs.to);
  const largest = largestSegments(inWindow, "premium_eur", inputs.top ?? 25);
  const shown = new Set(largest.segments);
  if (inputs.selected) shown.add(inputs.selected);
  const cells = lossRatioView(lossCells, inputs.dimension, inputs.from, inputs.to, shown);
  return {cells, shown: new Set(cells.map((c) => c.segment)).size, of: largest.total};
}
