/** A/E cells and loss-ratio cells read from the tables staged by prepareDrift. */
import type {Grain} from "../../src/lib/periods.ts";
import {periodLabel} from "../../src/lib/periods.ts";
import type {Engine} from "../engine/engine.ts";
import type {Dimension} from "./dimensions.ts";
import {tables} from "./prepare.ts";
import {driftWorkspace} from "./pushdown.ts";
import * as cube from "./sql/clickhouse/local.ts";
import {aeCellsSql, type Baseline} from "./sql/duckdb/ae-cells.ts";
import {lossRatioSql} from "./sql/duckdb/loss-ratio.ts";

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
  engine: Engine,
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline = "segment"
): Promise<AeCell[]> {
  if (!guarantees.length) return [];
  // Engine seam: on a cluster the working tables are aggregates in a local workspace (see pushdown.ts).
  const sql = engine.kind === "clickhouse" ? cube.aeCellsSql : aeCellsSql;
  const rows = await driftWorkspace(engine).all<Omit<AeCell, "period">>(
    sql(dimension, grain, guarantees, baseline, {
      exposure: tables.exposure,
      facts: tables.facts,
      rates: tables.rates,
      season: tables.season,
      referenceExposure: tables.referenceExposure,
      referenceFacts: tables.referenceFacts,
      insured: tables.insured
    })
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

export async function lossRatioCells(engine: Engine, dimension: Dimension): Promise<LossRatioCell[]> {
  const sql = engine.kind === "clickhouse" ? cube.lossRatioSql : lossRatioSql;
  const rows = await driftWorkspace(engine).all<LossRatioCell>(
    sql(dimension, {exposure: tables.exposure, facts: tables.facts, insured: tables.insured})
  );
  return rows.map((row) => ({...row, segment: String(row.segment)}));
}
