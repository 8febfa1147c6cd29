/**
 * The rest of drift's pipeline on the ClickHouse path, in DuckDB SQL run locally over the small aggregates the
 * cluster returned (see cluster.ts): the very statements of ../duckdb/ae-cells.ts, loss-ratio.ts and
 * reference-rates.ts, given another way of counting. Differences, and only these: a claim count is `sum(claims)` over the
 * claims cube instead of `count(*)` over claim rows, and distinct insured come from the cluster's counts
 * (`insured` table of the workspace) instead of `count(DISTINCT insured_id)`. Expected counts are sums of
 * insured-years, which the exposure cube keeps, so they are computed as in the DuckDB path.
 */
import type {Grain} from "../../../../src/lib/periods.ts";
import {literal} from "../../../engine/sql.ts";
import type {Dimension} from "../../dimensions.ts";
import {
  aeCellsSql as duckdbAeCellsSql,
  expectedCellsSql as duckdbExpectedCellsSql,
  type AeCellsTables,
  type AeCounting,
  type AeStaging,
  type Baseline
} from "../duckdb/ae-cells.ts";
import {lossRatioSql as duckdbLossRatioSql} from "../duckdb/loss-ratio.ts";
import {CLAIM_CUBE} from "../duckdb/reference-rates.ts";

export interface CubeTables extends AeCellsTables {
  /** Distinct insured and insured-years per grain, dimension, period and segment. */
  insured: string;
}

/** Claims counted over the cube's rows, distinct insured read from the cluster's counts. */
function cubeCounting(t: CubeTables): AeCounting {
  return {
    claims: CLAIM_CUBE,
    insured: (_period, _segment, d, g) => `SELECT period_start, segment, exposure_years, insured FROM ${t.insured}
  WHERE grain = ${literal(g)} AND dimension = ${literal(d)}`
  };
}

/** A/E cells from the cubes: the DuckDB statement, counting cube rows and reading the cluster's distinct insured. */
export function aeCellsSql(
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline,
  t: CubeTables,
  staging: AeStaging = {}
): string {
  return duckdbAeCellsSql(dimension, grain, guarantees, baseline, t, cubeCounting(t), staging);
}

/** The expected counts alone (DuckDB's expectedCellsSql over the cubes). */
export function expectedCellsSql(
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline,
  t: CubeTables
): string {
  return duckdbExpectedCellsSql(dimension, grain, guarantees, baseline, t, cubeCounting(t));
}

/** S/P from the cubes: the DuckDB statement, counting cube rows and reading the cluster's distinct insured. */
export function lossRatioSql(dimension: Dimension, t: Pick<CubeTables, "exposure" | "facts" | "insured">): string {
  return duckdbLossRatioSql(dimension, t, {
    claims: CLAIM_CUBE,
    insured: (d) => `SELECT year(period_start) AS year, segment, insured, exposure_years FROM ${t.insured}
        WHERE grain = 'year' AND dimension = ${literal(d)}`
  });
}
