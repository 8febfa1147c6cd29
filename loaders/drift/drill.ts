/**
 * The claims-drift drill-down's data: two pre-aggregated cubes (sql/duckdb/drill-cube.ts), masked below 11
 * claimants before they are written, instead of one row per claim. DuckDB computes them over drift's claim facts;
 * on a cluster the window's claim rows come back pseudonymised (as the page's per-claim table once did) and a
 * throwaway in-memory DuckDB aggregates them, so both engines publish the same cubes.
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {ClickHouseEngine} from "../engine/clickhouse.ts";
import {DuckDbEngine} from "../engine/duckdb.ts";
import type {Engine, Row} from "../engine/engine.ts";
import {literal} from "../engine/sql.ts";
import {pushedDownWindow} from "./pushdown.ts";
import {pageClaimRowsSql} from "./sql/clickhouse/cluster.ts";
import {drillPeriodsSql, drillProfilesSql, factsSourceSql} from "./sql/duckdb/drill-cube.ts";
import {tables} from "./window.ts";

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

export interface DrillCubes {
  periods: Row[];
  profiles: Row[];
}

async function cubes(engine: Engine, source: string): Promise<DrillCubes> {
  return {periods: await engine.all(drillPeriodsSql(source)), profiles: await engine.all(drillProfilesSql(source))};
}

/** The two cubes of the prepared drift window (prepareDrift / preparePage first). */
export async function pageDrillCubes(engine: Engine): Promise<DrillCubes> {
  if (engine.kind !== "clickhouse") return cubes(engine, factsSourceSql(tables.facts));
  const rows = await engine.all(pageClaimRowsSql((engine as ClickHouseEngine).database, pushedDownWindow(engine)));
  const local = await DuckDbEngine.open();
  const dir = mkdtempSync(join(tmpdir(), "carnet-drill-"));
  try {
    const file = join(dir, "claims.json");
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
    const source = `SELECT insured_id, contract_id, sector_naf, region, guarantee,
      CAST(month || '-01' AS DATE) AS month_start, sex, job_category, age_band, days_paid, cost_eur, status
      FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {insured_id: 'VARCHAR',
        contract_id: 'VARCHAR', sector_naf: 'VARCHAR', region: 'VARCHAR', guarantee: 'VARCHAR', month: 'VARCHAR',
        sex: 'VARCHAR', job_category: 'VARCHAR', age_band: 'VARCHAR', days_paid: 'DOUBLE', cost_eur: 'DOUBLE',
        status: 'VARCHAR'})`;
    return rows.length ? await cubes(local, source) : {periods: [], profiles: []};
  } finally {
    await local.close();
    rmSync(dir, {recursive: true, force: true});
  }
}
