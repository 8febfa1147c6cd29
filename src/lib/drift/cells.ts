/**
 * The row shapes of drift's published cell files, declared once: the loaders write them (loaders/drift/cells.ts,
 * page-data.ts) and the page reads them (view.ts). Browser-safe, types and column lists only.
 */
import type {Grain} from "../periods.js";

/** One row of drift-cells.arrow: a segment's exposure, claims and expected claims in one period. */
export interface Cell {
  dimension: string;
  grain: Grain;
  segment: string;
  guarantee: string;
  /** "YYYY-MM", "YYYY-Qn" or "YYYY". */
  period: string;
  /** "YYYY-MM-DD", first day of the period. */
  period_start: string;
  exposure_years: number;
  /** Distinct insured exposed in the cell. */
  insured: number;
  actual: number;
  /** Expected claims at the chosen baseline. */
  expected: number;
  /** Expected claims at the portfolio reference rates (no segment baseline factor). */
  expected_portfolio: number;
  /** Paid + reserve of the cell's claims. */
  cost_eur: number;
}

/** The columns of drift-cells.arrow, in order. */
export const CELL_COLUMNS = [
  "dimension",
  "grain",
  "segment",
  "guarantee",
  "period",
  "period_start",
  "exposure_years",
  "insured",
  "actual",
  "expected",
  "expected_portfolio",
  "cost_eur"
] as const satisfies readonly (keyof Cell)[];

/** One row of drift-loss-ratio.arrow: a segment's S/P in one accident year. */
export interface LossRatioCell {
  dimension: string;
  segment: string;
  year: number;
  premium_eur: number;
  cost_eur: number;
  claims: number;
  /** (paid + reserve) / earned premium; null without premium. */
  loss_ratio: number | null;
  insured: number;
  exposure_years: number;
}
