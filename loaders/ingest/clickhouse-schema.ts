/**
 * ClickHouse tables for the staged extract: per shard a `<table>_local` MergeTree, and on the entry node a
 * `Distributed` table named like the DuckDB table, so the same queries read both engines' tables by name.
 * Column types follow the contract's staged types; optional values are Nullable.
 */
import {contract, type Column, type FileContract} from "../extracts/contract.ts";
import {identifier} from "../engine/sql.ts";

const types: Record<Column["type"], string> = {text: "String", date: "Date", integer: "Int32", decimal: "Float64"};

export function publishedColumns(file: FileContract): Column[] {
  return file.columns.filter((c) => !c.identifier);
}

function columnType(file: FileContract, column: Column): string {
  const base = types[column.type];
  return column.required || file.key?.includes(column.name) ? base : `Nullable(${base})`;
}

/** Rows of one contract (or one claim) stay on one shard, so per-contract work never crosses shards. */
export function shardingKey(file: FileContract): string {
  return file.columns.some((c) => c.name === "contract_id") ? "cityHash64(contract_id)" : "cityHash64(claim_id)";
}

export function localTableSql(database: string, file: FileContract): string {
  const columns = publishedColumns(file).map((c) => `${identifier(c.name)} ${columnType(file, c)}`);
  const order = (file.key ?? [publishedColumns(file)[0].name]).map(identifier).join(", ");
  return `CREATE TABLE ${identifier(database)}.${identifier(file.name)}_local (${columns.join(", ")}) ENGINE = MergeTree() ORDER BY (${order})`;
}

export function distributedTableSql(database: string, cluster: string, file: FileContract): string {
  const db = identifier(database);
  const name = identifier(file.name);
  return `CREATE TABLE ${db}.${name} AS ${db}.${name}_local ENGINE = Distributed(${identifier(cluster)}, ${db}, ${name}_local, ${shardingKey(file)})`;
}

/** Accounting and rejects live on the entry node only: they are small. */
export function metaTablesSql(database: string): string[] {
  const db = identifier(database);
  return [
    `CREATE TABLE ${db}.ingest_meta (ingested_at DateTime, folder String, snapshot_date String, files String) ENGINE = MergeTree() ORDER BY ingested_at`,
    `CREATE TABLE ${db}.rejects (file String, line Int64, column Nullable(String), reason String) ENGINE = MergeTree() ORDER BY (file, line)`
  ];
}

export const tables = contract;
