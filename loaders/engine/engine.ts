/**
 * The engine seam. Every aggregation behind a page runs through an `Engine`, so the same loaders can run
 * on the embedded DuckDB (default) or push down to a distributed engine (ClickHouse) when data outgrows one
 * machine. Engine-specific SQL is kept side by side per engine (see `loaders/*\/sql/`), never string-patched.
 *
 * Results come back as plain JS records: DATE as "YYYY-MM-DD", TIMESTAMP as ISO string, integers as numbers
 * (counts stay exact below 2^53), decimals as numbers, NULL as null.
 */
export type Row = Record<string, unknown>;

export interface Engine {
  /** "duckdb" or "clickhouse": chooses which SQL dialect a loader sends. */
  readonly kind: "duckdb" | "clickhouse";
  /** Where the engine runs, safe to print (no credentials). */
  readonly label: string;
  /** Runs a query and returns its rows. */
  all<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Runs a statement that returns nothing useful. */
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}
