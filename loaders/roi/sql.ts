/**
 * The ROI statements for an engine. Only DuckDB's are written; a ClickHouse twin would sit in sql/clickhouse/
 * with the same function names.
 */
import {CarnetError} from "../cli/errors.ts";
import type {Engine} from "../engine/engine.ts";
import * as duckdbClaims from "./sql/duckdb/claims.ts";
import * as duckdbBands from "./sql/duckdb/bands.ts";

export function roiSql(engine: Engine) {
  if (engine.kind !== "duckdb") throw new CarnetError(`the ROI analytics have no SQL for the ${engine.kind} engine yet`);
  return {...duckdbClaims, ...duckdbBands};
}
