/**
 * ClickHouse tables for the staged extract: per shard a `<table>_local` MergeTree, and on the entry node a
 * `Distributed` table named like the DuckDB table, so the same queries read both engines' tables by name.
 * Column types follow the contract's staged types; optional values are Nullable.
 */
import {identifier} from "../engine/sql.ts";
import type {Column, FileContract} from "../extracts/contract.ts";

const types: Record<Column["type"], string> = {text: "String", date: "Date", integer: "Int32", decimal: "Float64"};

export function publishedColumns(file: FileContract): Column[] {
  return file.columns.filter((c) => !c.identifier);
}

/**
 * ClickHouse 18.16's Date holds 1970-01-01 to 2105 only, and people were born before 1970: birth dates are
 * kept as "YYYY-MM-DD" text (the SQL twins read year, month and day from it). Other dates must fall in Date's
 * range; ingest checks that before loading (dateRangeSql).
 */
export const TEXT_DATES = new Set(["birth_date"]);
export const DATE_RANGE = {min: "1970-01-01", max: "2105-12-31"};

function columnType(file: FileContract, column: Column): string {
  const base = column.type === "date" && TEXT_DATES.has(column.name) ? "String" : types[column.type];
  return column.required || file.key?.includes(column.name) ? base : `Nullable(${base})`;
}

/**
 * Rows of one contract (or one claim) stay on one shard, so per-contract work never crosses shards; a table with
 * neither (the model cards) is spread by its first key column.
 */
export function shardingKey(file: FileContract): string {
  const has = (name: string) => file.columns.some((c) => c.name === name);
  if (has("contract_id")) return "cityHash64(contract_id)";
  if (has("claim_id")) return "cityHash64(claim_id)";
  return `cityHash64(${identifier(file.key?.[0] ?? file.columns[0].name)})`;
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

/** DuckDB: the first value of a Date column outside ClickHouse Date's range, per file (none: no rows). */
export function dateRangeSql(file: FileContract): string | null {
  const dates = publishedColumns(file).filter((c) => c.type === "date" && !TEXT_DATES.has(c.name));
  if (!dates.length) return null;
  return dates
    .map(
      (c) =>
        `SELECT ${`'${c.name}'`} AS column_name, strftime(min(${identifier(c.name)}), '%Y-%m-%d') AS low, strftime(max(${identifier(c.name)}), '%Y-%m-%d') AS high FROM ${identifier(file.name)}`
    )
    .join(" UNION ALL ");
}
