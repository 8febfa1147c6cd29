/**
 * Monthly series per segment straight from an arquero table of monthly cells, for the CUSUM and the alerts: the
 * grouping and sums run in arquero over the Arrow columns; only one small record per segment reaches JavaScript,
 * where its values are laid out on the window's months (a month without a cell counts as no exposure, no claim).
 * Aggregates are written as arquero expressions (text it parses) so this module needs no arquero of its own: it
 * runs on whichever copy made the table (see ../arrow.ts).
 */
import type {ColumnTable} from "arquero";
import type {SegmentSeries} from "./alerts.js";

interface SegmentArrays {
  segment: string;
  periods: string[];
  actual: number[];
  expected: number[];
  cost: number[];
  insured: number[];
}

/** One series per segment over `months`, segments in order of first appearance (as alerts.ts monthlySeries). */
export function segmentSeries(monthly: ColumnTable, months: readonly string[]): SegmentSeries[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const bySegment = monthly
    .groupby("segment", "period")
    .rollup({
      actual: "d => op.sum(d.actual)",
      expected: "d => op.sum(d.expected)",
      cost: "d => op.sum(d.cost_eur)",
      insured: "d => op.max(d.insured)"
    })
    .groupby("segment")
    .rollup({
      periods: "d => op.array_agg(d.period)",
      actual: "d => op.array_agg(d.actual)",
      expected: "d => op.array_agg(d.expected)",
      cost: "d => op.array_agg(d.cost)",
      insured: "d => op.array_agg(d.insured)"
    })
    .objects() as SegmentArrays[];
  return bySegment.map((s) => {
    const place = (values: number[]) => {
      const out = new Array<number>(months.length).fill(0);
      s.periods.forEach((period, j) => {
        const i = index.get(period);
        if (i !== undefined) out[i] = values[j] ?? 0;
      });
      return out;
    };
    return {
      segment: s.segment,
      months: [...months],
      actual: place(s.actual),
      expected: place(s.expected),
      cost: place(s.cost),
      insured: place(s.insured)
    };
  });
}
