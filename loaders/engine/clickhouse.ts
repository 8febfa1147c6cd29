/**
 * The scale-out engine: a ClickHouse cluster reached over HTTP. Aggregations run there (on a `Distributed`
 * table over per-shard `MergeTree` tables) and only their results cross the wire.
 *
 * URL: clickhouse://host:port/database. Credentials come from CARNET_CLICKHOUSE_USER and
 * CARNET_CLICKHOUSE_PASSWORD (or the URL's user:password@), and are never printed: `label` omits them.
 */
import {createWriteStream} from "node:fs";
import {Transform} from "node:stream";
import {pipeline} from "node:stream/promises";
import {ClickHouseLogLevel, createClient, type ClickHouseClient} from "@clickhouse/client";
import {CarnetError} from "../errors.ts";
import type {Queryable, Row} from "./queryable.ts";
import {identifier} from "./sql.ts";

export interface ClickHouseTarget {
  http: string;
  database: string;
  username: string;
  password: string;
  /** host:port/database, safe to print. */
  label: string;
}

export function parseClickHouseUrl(url: string): ClickHouseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CarnetError(`CARNET_ENGINE: expected "duckdb" or clickhouse://host:port/database, got an unparsable URL`);
  }
  if (parsed.protocol !== "clickhouse:")
    throw new CarnetError(
      `CARNET_ENGINE: expected "duckdb" or clickhouse://host:port/database, got a ${parsed.protocol} URL`
    );
  const database = identifier(decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "carnet");
  const port = parsed.port || "8123";
  return {
    http: `http://${parsed.hostname}:${port}`,
    database,
    username: process.env.CARNET_CLICKHOUSE_USER ?? (decodeURIComponent(parsed.username) || "default"),
    password: process.env.CARNET_CLICKHOUSE_PASSWORD ?? decodeURIComponent(parsed.password),
    label: `clickhouse://${parsed.hostname}:${port}/${database}`
  };
}

export class ClickHouseEngine implements Queryable {
  readonly kind = "clickhouse" as const;
  readonly label: string;
  readonly database: string;
  private readonly client: ClickHouseClient;

  constructor(target: ClickHouseTarget, withDatabase = true) {
    this.label = target.label;
    this.database = target.database;
    this.client = createClient({
      url: target.http,
      username: target.username,
      password: target.password,
      database: withDatabase ? target.database : "default",
      request_timeout: 600_000,
      // Errors reach the user as one line through CarnetError; the client must not print its own.
      log: {level: ClickHouseLogLevel.OFF},
      clickhouse_settings: {output_format_json_quote_64bit_integers: 0, insert_distributed_sync: 1}
    });
  }

  static async connect(url: string): Promise<ClickHouseEngine> {
    const engine = new ClickHouseEngine(parseClickHouseUrl(url));
    await engine.ping();
    return engine;
  }

  async ping(): Promise<void> {
    const result = await this.client.ping();
    if (!result.success) throw new CarnetError(`${this.label}: engine is not reachable (${oneLine(result.error)})`);
  }

  async all<T extends Row = Row>(sql: string): Promise<T[]> {
    try {
      const result = await this.client.query({query: sql, format: "JSONEachRow"});
      return (await result.json()) as T[];
    } catch (error) {
      throw this.failure(error);
    }
  }

  /**
   * Streams a query's rows to a file as JSON lines, never holding them in memory: how a result of millions of
   * rows (a cube) reaches a local DuckDB. `settings` are ClickHouse settings for this query only.
   */
  async toFile(sql: string, path: string, settings: Record<string, string | number> = {}): Promise<void> {
    try {
      const result = await this.client.query({
        query: sql,
        format: "JSONEachRow",
        clickhouse_settings: settings as never
      });
      await pipeline(result.stream() as unknown as NodeJS.ReadableStream, rowsOnly(), createWriteStream(path));
    } catch (error) {
      throw this.failure(error);
    }
  }

  async run(sql: string): Promise<void> {
    try {
      await this.client.command({query: sql});
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Streams a CSV (with header) into a table. */
  async insertCsv(table: string, stream: NodeJS.ReadableStream & {destroy(): void}): Promise<void> {
    try {
      await this.client.insert({
        table: table.split(".").map(identifier).join("."),
        values: stream as never,
        format: "CSVWithNames"
      });
    } catch (error) {
      stream.destroy();
      throw this.failure(error);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private failure(error: unknown): CarnetError {
    const message = oneLine(error);
    if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|socket hang up|Timeout/i.test(message))
      return new CarnetError(`${this.label}: engine is not reachable (${message})`);
    if (/UNKNOWN_TABLE|doesn't exist|Table .* doesn.t exist/i.test(message))
      return new CarnetError(
        `${this.label}: a table is missing (${message}); run \`carnet ingest --engine ${this.label}\``
      );
    return new CarnetError(`${this.label}: query failed (${message})`);
  }
}

/** The client's stream yields arrays of rows, each with its raw text: keep the text, one line per row. */
function rowsOnly(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(rows: {text: string}[], _encoding, done) {
      done(null, rows.map((row) => `${row.text}\n`).join(""));
    }
  });
}

function oneLine(error: unknown): string {
  const text = String((error as Error)?.message ?? error ?? "unknown error");
  return text.split("\n")[0].replace(/\s+/g, " ").slice(0, 300);
}
