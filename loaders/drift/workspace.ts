/**
 * A prepared drift analysis: its windows and the DuckDB holding its working tables (the extract's own engine, or a
 * local one filled with a cluster's aggregates). Whoever prepares one closes it; closing frees the working tables
 * and never the engine the extract was opened on, which its opener closes.
 */
import type {DuckDbEngine} from "../engine/duckdb.ts";
import type {LocalSql} from "./local-sql.ts";
import type {DriftSetup} from "./window.ts";

export interface DriftWorkspace {
  readonly setup: DriftSetup;
  /** The DuckDB holding drift's working tables (see window.ts `tables`). */
  readonly local: DuckDbEngine;
  /** The A/E and loss-ratio statements fitting the working tables' shape. */
  readonly sql: LocalSql;
  /**
   * A SELECT over `local` giving one row per claim of the window (insured_id, contract_id, sector_naf, region,
   * guarantee, month_start, sex, job_category, age_band, days_paid, cost_eur, status), from which the drill-down's
   * cubes are aggregated (drill.ts); the rows themselves are never published.
   */
  drillSource(): Promise<string>;
  close(): Promise<void>;
}
