/**
 * The statements run over drift's working tables, for either shape of them: row-level tables (the embedded
 * DuckDB) or a cluster's cubes (see sql/clickhouse/local.ts). Which one a workspace uses is chosen once, by
 * the engine seam (sql.ts), and carried by the workspace.
 */
import type {Grain} from "../../src/lib/periods.ts";
import type {Dimension} from "./dimensions.ts";
import * as cube from "./sql/clickhouse/local.ts";
import {aeCellsSql, type Baseline} from "./sql/duckdb/ae-cells.ts";
import {lossRatioSql} from "./sql/duckdb/loss-ratio.ts";
import {tables} from "./window.ts";

export interface LocalSql {
  aeCellsSql(dimension: Dimension, grain: Grain, guarantees: readonly string[], baseline: Baseline): string;
  lossRatioSql(dimension: Dimension): string;
}

export const rowLevelSql: LocalSql = {
  aeCellsSql: (dimension, grain, guarantees, baseline) => aeCellsSql(dimension, grain, guarantees, baseline, tables),
  lossRatioSql: (dimension) => lossRatioSql(dimension, tables)
};

export const cubeSql: LocalSql = {
  aeCellsSql: (dimension, grain, guarantees, baseline) =>
    cube.aeCellsSql(dimension, grain, guarantees, baseline, tables),
  lossRatioSql: (dimension) => cube.lossRatioSql(dimension, tables)
};
