/**
 * Which engine the loaders use: CARNET_ENGINE unset or "duckdb" -> the embedded DuckDB over the staged
 * extract folder; "clickhouse://host:port/db" -> a cluster loaded by `carnet ingest`.
 */
import {CarnetError} from "../errors.ts";

export type EngineChoice = {kind: "duckdb"} | {kind: "clickhouse"; url: string};

export function configuredEngine(value = process.env.CARNET_ENGINE): EngineChoice {
  if (!value || value === "duckdb") return {kind: "duckdb"};
  if (value.startsWith("clickhouse://")) return {kind: "clickhouse", url: value};
  throw new CarnetError(
    `CARNET_ENGINE: expected "duckdb" or clickhouse://host:port/database, got "${value.replace(/\/\/[^@/]*@/, "//***@")}"`
  );
}
