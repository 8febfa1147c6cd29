/**
 * Monthly series per segment straight from an arquero table of monthly cells, for the CUSUM and the alerts: the
 * grouping and sums run in arquero over the Arrow columns; only one small record per segment reaches JavaScript,
 * where its values are laid out on the window's months (a month without a cell counts as no exposure, no claim).
 */
import {op, type ColumnTable} from "arquero";
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
      actual: op.sum("actual"),
      expected: op.sum("expected"),
      cost: op.sum("cost_eur"),
      insured: op.max("insured")
    })
    .groupby("segment")
    .rollup({
      periods: op.array_agg("period"),
      actual: op.array_agg("actual"),
      expected: op.array_agg("expected"),
      cost: op.array_agg("cost"),
      insured: op.array_agg("insured")
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
