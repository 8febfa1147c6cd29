import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import type {Queryable, Row} from "./queryable.ts";

/** DuckDB's memory limit for Carnet's work: CARNET_DUCKDB_MEMORY, default 2GB (past it DuckDB spills to disk). */
export function duckDbMemory(): string {
  return process.env.CARNET_DUCKDB_MEMORY ?? "2GB";
}

/** The embedded engine: DuckDB in this process (in memory unless a database file is given). */
export class DuckDbEngine implements Queryable {
  readonly kind = "duckdb" as const;
  readonly label: string;
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    path: string
  ) {
    this.label = `duckdb:${path}`;
  }

  static async open(path = ":memory:", options: Record<string, string> = {}): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(path, options);
    return new DuckDbEngine(instance, await instance.connect(), path);
  }

  async all<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** A DuckDB row as plain JavaScript: BIGINT as a number, a date as "YYYY-MM-DD", a timestamp in ISO form. */
export function toPlain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plainValue);
  return value;
}
