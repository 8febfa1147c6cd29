/**
 * The statements run over drift's working tables. Both paths hold exposure as a cube and distinct insured as
 * counts per grain, dimension, period and segment (the `insured` table); they differ in the claims: one row per
 * claim on the embedded DuckDB (the drill-down needs them), a claims cube from a cluster (sql/clickhouse/local.ts).
 * Which one a workspace uses is chosen once, by the engine seam (sql.ts), and carried by the workspace.
 */
import type {Grain} from "../../src/lib/periods.ts";
import {literal} from "../engine/sql.ts";
import type {Dimension} from "./dimensions.ts";
import * as cube from "./sql/clickhouse/local.ts";
import {aeCellsSql, expectedCellsSql, type AeCounting, type AeStaging, type Baseline} from "./sql/duckdb/ae-cells.ts";
import {lossRatioSql} from "./sql/duckdb/loss-ratio.ts";
import {CLAIM_ROWS} from "./sql/duckdb/reference-rates.ts";
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

/** Claim rows counted with count(*), distinct insured read from the counts table. */
const rowCounting: AeCounting = {
  claims: CLAIM_ROWS,
  insured: (_period, _segment, d, g) => `SELECT period_start, segment, exposure_years, insured FROM ${tables.insured}
  WHERE grain = ${literal(g)} AND dimension = ${literal(d)}`
};

export const claimRowsSql: LocalSql = {
  aeCellsSql: (dimension, grain, guarantees, baseline, staging) =>
    aeCellsSql(dimension, grain, guarantees, baseline, tables, rowCounting, staging),
  expectedCellsSql: (dimension, grain, guarantees, baseline) =>
    expectedCellsSql(dimension, grain, guarantees, baseline, tables, rowCounting),
  lossRatioSql: (dimension) =>
    lossRatioSql(dimension, tables, {
      claims: CLAIM_ROWS,
      insured: (d) => `SELECT year(period_start) AS year, segment, insured, exposure_years FROM ${tables.insured}
        WHERE grain = 'year' AND dimension = ${literal(d)}`
    })
};

export const cubeSql: LocalSql = {
  aeCellsSql: (dimension, grain, guarantees, baseline, staging) =>
    cube.aeCellsSql(dimension, grain, guarantees, baseline, tables, staging),
  expectedCellsSql: (dimension, grain, guarantees, baseline) =>
    cube.expectedCellsSql(dimension, grain, guarantees, baseline, tables),
  lossRatioSql: (dimension) => cube.lossRatioSql(dimension, tables)
};
