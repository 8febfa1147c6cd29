/**
 * The claims-drift drill-down's data: two pre-aggregated cubes (sql/duckdb/drill-cube.ts), masked below 11
 * claimants before they are written, instead of one row per claim. They are aggregated in the workspace's DuckDB
 * over its claim rows (the embedded path's claim facts; on a cluster, the window's claims fetched pseudonymised),
 * so both engines publish the same cubes and no claim or person leaves the build.
 */
import type {Row} from "../engine/engine.ts";
import {drillPeriodsSql, drillProfilesSql} from "./sql/duckdb/drill-cube.ts";
import type {DriftWorkspace} from "./workspace.ts";

export const DRILL_PERIOD_COLUMNS = [
  "dimension",
  "segment",
  "guarantee",
  "grain",
  "period",
  "period_start",
  "claims",
  "claimants",
  "days_paid",
  "cost_eur",
  "open",
  "masked"
] as const;

export const DRILL_PROFILE_COLUMNS = [
  "dimension",
  "segment",
  "guarantee",
  "age_band",
  "sex",
  "job_category",
  "claims",
  "claimants",
  "mean_days_paid",
  "mean_cost_eur",
  "masked"
] as const;

/** The per-period cube of a prepared drift workspace (each loader computes only the cube it writes). */
export async function pageDrillPeriods(drift: DriftWorkspace): Promise<Row[]> {
  return drift.local.all(drillPeriodsSql(await drift.drillSource()));
}

/** The per-profile cube of a prepared drift workspace. */
export async function pageDrillProfiles(drift: DriftWorkspace): Promise<Row[]> {
  return drift.local.all(drillProfilesSql(await drift.drillSource()));
}
