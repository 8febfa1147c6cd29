/**
 * The statements run over drift's working tables. Both paths hold exposure as a cube and distinct insured as
 * counts per grain, dimension, period and segment (the `insured` table); they differ in the claims: one row per
 * claim on the embedded DuckDB (the drill-down needs them), a claims cube from a cluster (pushdown.ts).
 * Which one a workspace uses is chosen once, by the engine seam (sql.ts), and carried by the workspace.
 */
import type {Grain} from "../../src/lib/periods.ts";
import {literal} from "../engine/sql.ts";
import type {Dimension} from "./dimensions.ts";
import {aeCellsSql, expectedCellsSql, type AeCounting, type AeStaging, type Baseline} from "./sql/duckdb/ae-cells.ts";
import {lossRatioSql} from "./sql/duckdb/loss-ratio.ts";
import {CLAIM_CUBE, CLAIM_ROWS} from "./sql/duckdb/reference-rates.ts";
import {tables} from "./window.ts";

export interface LocalSql {
  aeCellsSql(
    dimension: Dimension,
    grain: Grain,
    guarantees: readonly string[],
    baseline: Baseline,
    staging?: AeStaging
  ): string;
  /** The expected counts of aeCellsSql alone, to be made into a table first (AeStaging.expected). */
  expectedCellsSql(dimension: Dimension, grain: Grain, guarantees: readonly string[], baseline: Baseline): string;
  lossRatioSql(dimension: Dimension): string;
}

/**
 * The statements for a way of counting claims (`claims`: count(*) over claim rows, or sum(claims) over a cube);
 * distinct insured and insured-years are read from the workspace's counts table on both paths.
 */
function localSql(claims: string): LocalSql {
  const counting: AeCounting = {
    claims,
    insured: (_period, _segment, d, g) => `SELECT period_start, segment, exposure_years, insured FROM ${tables.insured}
  WHERE grain = ${literal(g)} AND dimension = ${literal(d)}`
  };
  return {
    aeCellsSql: (dimension, grain, guarantees, baseline, staging) =>
      aeCellsSql(dimension, grain, guarantees, baseline, tables, counting, staging),
    expectedCellsSql: (dimension, grain, guarantees, baseline) =>
      expectedCellsSql(dimension, grain, guarantees, baseline, tables, counting),
    lossRatioSql: (dimension) =>
      lossRatioSql(dimension, tables, {
        claims,
        insured: (d) => `SELECT year(period_start) AS year, segment, insured, exposure_years FROM ${tables.insured}
        WHERE grain = 'year' AND dimension = ${literal(d)}`
      })
  };
}

/** One row per claim (the embedded path). */
export const claimRowsSql = localSql(CLAIM_ROWS);

/** A claims cube whose rows carry a `claims` count (the cluster path, pushdown.ts). */
export const cubeSql = localSql(CLAIM_CUBE);
