/**
 * The claims-drift drill-down's data: two pre-aggregated cubes (sql/duckdb/drill-cube.ts), masked below 11
 * claimants before they are written, instead of one row per claim. They are aggregated in the workspace's DuckDB
 * over its claim rows (the embedded path's claim facts; on a cluster, the window's claims fetched pseudonymised),
 * so both engines publish the same cubes and no claim or person leaves the build.
 */
import type {Row} from "../engine/engine.ts";
import {shownContractSql} from "./shown.ts";
import {drillPeriodsSql, drillProfilesSql} from "./sql/duckdb/drill-cube.ts";
import {tables} from "./window.ts";
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

/** The per-period cube of a prepared drift workspace, after chooseShownContracts (shown.ts). */
export async function pageDrillPeriods(drift: DriftWorkspace): Promise<Row[]> {
  return drift.local.all(drillPeriodsSql(await shownSource(drift)));
}

/** The per-profile cube of a prepared drift workspace, after chooseShownContracts (shown.ts). */
export async function pageDrillProfiles(drift: DriftWorkspace): Promise<Row[]> {
  return drift.local.all(drillProfilesSql(await shownSource(drift)));
}

const sources = new WeakMap<DriftWorkspace, Promise<string>>();

/**
 * The claim rows with the contracts not shown on the page under one segment, as in the page's cells, kept once as
 * a table of the workspace: the two cubes scan it two dozen times.
 */
function shownSource(drift: DriftWorkspace): Promise<string> {
  let source = sources.get(drift);
  if (!source) {
    source = drift
      .drillSource()
      .then((rows) =>
        drift.local.run(`CREATE OR REPLACE TABLE ${tables.drillSource} AS
          SELECT * REPLACE (${shownContractSql("contract_id")} AS contract_id) FROM (${rows})`)
      )
      .then(() => `SELECT * FROM ${tables.drillSource}`);
    source.catch(() => sources.delete(drift));
    sources.set(drift, source);
  }
  return source;
}
