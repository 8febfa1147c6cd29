/** A/E cells and loss-ratio cells read from the working tables of a prepared drift workspace. */
import type {Grain} from "../../src/lib/periods.ts";
import {periodLabel} from "../../src/lib/periods.ts";
import {withinMemory} from "../engine/out-of-memory.ts";
import type {Dimension} from "./dimensions.ts";
import type {Baseline} from "./sql/duckdb/ae-cells.ts";
import type {DriftWorkspace} from "./workspace.ts";

export interface AeCell {
  /** "YYYY-MM-DD", first day of the period. */
  period_start: string;
  /** "YYYY-MM", "YYYY-Qn" or "YYYY". */
  period: string;
  segment: string;
  guarantee: string;
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

export async function aeCells(
  drift: DriftWorkspace,
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline = "segment"
): Promise<AeCell[]> {
  if (!guarantees.length) return [];
  const rows = await withinMemory(drift.local, `drift: A/E cells by ${dimension} and ${grain}`, () =>
    drift.local.all<Omit<AeCell, "period">>(drift.sql.aeCellsSql(dimension, grain, guarantees, baseline))
  );
  return rows.map((row) => ({...row, period: periodLabel(row.period_start, grain), segment: String(row.segment)}));
}

export type LossRatioCell = {
  segment: string;
  year: number;
  premium_eur: number;
  cost_eur: number;
  claims: number;
  /** (paid + reserve) / earned premium; null without premium. */
  loss_ratio: number | null;
  insured: number;
  exposure_years: number;
};

export async function lossRatioCells(drift: DriftWorkspace, dimension: Dimension): Promise<LossRatioCell[]> {
  const rows = await withinMemory(drift.local, `drift: loss ratio by ${dimension}`, () =>
    drift.local.all<LossRatioCell>(drift.sql.lossRatioSql(dimension))
  );
  return rows.map((row) => ({...row, segment: String(row.segment)}));
}
