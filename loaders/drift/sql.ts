/**
 * Drift's engine seam, the one place that tells the engines apart: on the embedded DuckDB the working tables are
 * built beside the extract (embedded.ts, statements in sql/duckdb/); on a ClickHouse cluster the shards compute
 * their aggregates and a local DuckDB holds them (pushdown.ts, statements in sql/clickhouse/). Either way the
 * result is a DriftWorkspace, and the rest of drift (cells.ts, page-data.ts, drift.ts) only ever sees that.
 */
import type {Engine} from "../engine/engine.ts";
import {prepareEmbedded} from "./embedded.ts";
import {preparePushedDown} from "./pushdown.ts";
import type {PrepareOptions} from "./window.ts";
import type {DriftWorkspace} from "./workspace.ts";

export function stageDrift(engine: Engine, options: PrepareOptions): Promise<DriftWorkspace> {
  switch (engine.kind) {
    case "duckdb":
      return prepareEmbedded(engine, options);
    case "clickhouse":
      return preparePushedDown(engine, options);
  }
}
