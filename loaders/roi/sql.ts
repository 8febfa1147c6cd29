/**
 * The ROI statements for an engine, chosen by `engine.kind`: DuckDB's in sql/duckdb/, ClickHouse's twins in
 * sql/clickhouse/ (same names and output columns; the cluster's take the database of its `_local` tables).
 */
import type {ClickHouseEngine} from "../engine/clickhouse.ts";
import type {Engine} from "../engine/engine.ts";
import type {RoiFilter} from "./filter.ts";
import * as clickhouseBands from "./sql/clickhouse/bands.ts";
import * as clickhouseClaims from "./sql/clickhouse/claims.ts";
import * as duckdbBands from "./sql/duckdb/bands.ts";
import * as duckdbClaims from "./sql/duckdb/claims.ts";

export interface RoiSql {
  scoredClaimsSql(filter: RoiFilter): string;
  pageClaimsSql(): string;
  modelVersionsSql(): string;
  coverageSql(): string;
  scoreBandsSql(filter: RoiFilter, bandCount?: number): string;
}

export function roiSql(engine: Engine): RoiSql {
  if (engine.kind === "clickhouse") {
    const db = (engine as ClickHouseEngine).database;
    return {
      scoredClaimsSql: (filter) => clickhouseClaims.scoredClaimsSql(filter, db),
      pageClaimsSql: () => clickhouseClaims.pageClaimsSql(db),
      modelVersionsSql: clickhouseClaims.modelVersionsSql,
      coverageSql: () => clickhouseClaims.coverageSql(db),
      scoreBandsSql: (filter, bandCount) => clickhouseBands.scoreBandsSql(filter, db, bandCount)
    };
  }
  return {
    scoredClaimsSql: duckdbClaims.scoredClaimsSql,
    pageClaimsSql: duckdbClaims.pageClaimsSql,
    modelVersionsSql: duckdbClaims.modelVersionsSql,
    coverageSql: duckdbClaims.coverageSql,
    scoreBandsSql: duckdbBands.scoreBandsSql
  };
}
