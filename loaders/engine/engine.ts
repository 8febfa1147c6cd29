/**
 * The engine seam. Every aggregation behind a page runs through an `Engine`, so the same loaders can run
 * on the embedded DuckDB (default) or push down to a distributed engine (ClickHouse) when data outgrows one
 * machine. Engine-specific SQL is kept side by side per engine (see `loaders/*\/sql/`), never string-patched.
 *
 * `Engine` is a union discriminated by `kind` ("duckdb" or "clickhouse"): testing `engine.kind` narrows it to
 * the class, so engine-specific members (a cluster's database) need no cast.
 *
 * Results come back as plain JS records: DATE as "YYYY-MM-DD", TIMESTAMP as ISO string, integers as numbers
 * (counts stay exact below 2^53), decimals as numbers, NULL as null.
 */
import type {ClickHouseEngine} from "./clickhouse.ts";
import type {DuckDbEngine} from "./duckdb.ts";

export type {Row} from "./queryable.ts";

export type Engine = DuckDbEngine | ClickHouseEngine;
