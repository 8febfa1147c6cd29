/**
 * Drift on a ClickHouse cluster: push-down, not pull-all. The DuckDB path builds row-level working tables
 * (exposure per insured and month, one row per claim); here the cluster computes the aggregates those tables
 * feed on (sql/clickhouse/cluster.ts) and only they cross the wire, into a local in-memory DuckDB workspace
 * where the rest of the pipeline (rates, seasons, A/E cells, loss ratio) runs over them (sql/clickhouse/local.ts).
 * The workspace is tied to the engine: cells.ts and page-data.ts reach it through driftWorkspace(engine).
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {grains} from "../../src/lib/periods.ts";
import type {ClickHouseEngine} from "../engine/clickhouse.ts";
import {DuckDbEngine} from "../engine/duckdb.ts";
import type {Engine, Row} from "../engine/engine.ts";
import {identifier, literal} from "../engine/sql.ts";
import {CarnetError} from "../errors.ts";
import * as cluster from "./sql/clickhouse/cluster.ts";
import * as local from "./sql/clickhouse/local.ts";
import type {DateWindow} from "./sql/duckdb/exposure.ts";
import {createReferenceRatesFromCsvSql} from "./sql/duckdb/reference-rates.ts";
import {referenceWindow, tables, windowFromBounds, type DriftSetup, type PrepareOptions} from "./window.ts";

interface Workspace {
  local: DuckDbEngine;
  window: DateWindow;
}

const workspaces = new WeakMap<Engine, Workspace>();

/** The engine holding drift's working tables: the engine itself, or the local workspace of a cluster. */
export function driftWorkspace(engine: Engine): Engine {
  if (engine.kind !== "clickhouse") return engine;
  const workspace = workspaces.get(engine);
  if (!workspace) throw new CarnetError(`${engine.label}: drift tables are not prepared (call prepareDrift first)`);
  return workspace.local;
}

const closing = new WeakSet<Engine>();

/** Closing the cluster engine also closes its drift workspace (loaders call engine.close() and nothing else). */
function closeWithEngine(engine: Engine): void {
  if (closing.has(engine)) return;
  closing.add(engine);
  const close = engine.close.bind(engine);
  engine.close = async () => {
    const workspace = workspaces.get(engine);
    workspaces.delete(engine);
    await workspace?.local.close();
    await close();
  };
}

/** The analysis window prepared on a cluster engine. */
export function pushedDownWindow(engine: Engine): DateWindow {
  driftWorkspace(engine);
  return workspaces.get(engine)!.window;
}

const cubeTypes = {
  month_start: "DATE",
  quarter_start: "DATE",
  year_start: "DATE",
  band_month: "VARCHAR",
  band_quarter: "VARCHAR",
  band_year: "VARCHAR",
  contract_id: "VARCHAR",
  sector_naf: "VARCHAR",
  region: "VARCHAR",
  sex: "VARCHAR",
  job_category: "VARCHAR"
};
const schemas = {
  exposure: {...cubeTypes, years: "DOUBLE"},
  facts: {...cubeTypes, guarantee: "VARCHAR", claims: "BIGINT", cost_eur: "DOUBLE"},
  insured: {
    grain: "VARCHAR",
    period_start: "DATE",
    dimension: "VARCHAR",
    segment: "VARCHAR",
    insured: "BIGINT",
    exposure_years: "DOUBLE"
  },
  // Stand-ins under the extract's table names, holding only what the shared statements read from them.
  claims: {guarantee: "VARCHAR"},
  insuredGroups: {sex: "VARCHAR", job_category: "VARCHAR"},
  contracts: {contract_id: "VARCHAR", sector_naf: "VARCHAR", region: "VARCHAR"},
  premiums: {contract_id: "VARCHAR", year: "INTEGER", earned_premium_eur: "DOUBLE"}
};

/** Creates `table` in the local DuckDB from rows the cluster returned (through a JSON file: typed, no SQL text). */
async function load(
  work: DuckDbEngine,
  dir: string,
  table: string,
  types: Record<string, string>,
  rows: Row[]
): Promise<void> {
  const columns = Object.entries(types);
  await work.run(
    `CREATE OR REPLACE TABLE ${identifier(table)} (${columns.map(([c, t]) => `${identifier(c)} ${t}`).join(", ")})`
  );
  if (!rows.length) return;
  const file = join(dir, `${table}.json`);
  writeFileSync(
    file,
    rows.map((row) => JSON.stringify(Object.fromEntries(columns.map(([c]) => [c, row[c] ?? null])))).join("\n") + "\n"
  );
  const spec = columns.map(([c, t]) => `${literal(c)}: ${literal(t)}`).join(", ");
  await work.run(
    `INSERT INTO ${identifier(table)} SELECT * FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {${spec}})`
  );
}

export async function preparePushedDown(engine: Engine, options: PrepareOptions): Promise<DriftSetup> {
  const db = (engine as ClickHouseEngine).database;
  const [bounds] = await engine.all<{first: string | null; last: string | null}>(cluster.windowBoundsSql());
  const window = windowFromBounds(bounds?.first ?? null, bounds?.last ?? null, options);
  const reference = referenceWindow(window, options);

  workspaces.get(engine)?.local.close();
  workspaces.delete(engine);
  const work = await DuckDbEngine.open();
  const dir = mkdtempSync(join(tmpdir(), "carnet-drift-"));
  try {
    await load(work, dir, tables.exposure, schemas.exposure, await engine.all(cluster.exposureCubeSql(db, window)));
    await load(work, dir, tables.facts, schemas.facts, await engine.all(cluster.claimCubeSql(db, window)));
    const counts: Row[] = [];
    for (const grain of grains) counts.push(...(await engine.all(cluster.insuredCountsSql(db, window, grain))));
    await load(work, dir, tables.insured, schemas.insured, counts);
    await load(
      work,
      dir,
      tables.referenceExposure,
      schemas.exposure,
      await engine.all(cluster.exposureCubeSql(db, reference))
    );
    await load(work, dir, tables.referenceFacts, schemas.facts, await engine.all(cluster.claimCubeSql(db, reference)));
    await load(work, dir, "claims", schemas.claims, await engine.all(cluster.guaranteesSql()));
    await load(work, dir, "insured", schemas.insuredGroups, await engine.all(cluster.groupsSql()));
    await load(work, dir, "contracts", schemas.contracts, await engine.all(cluster.contractsSql()));
    await load(work, dir, "premiums", schemas.premiums, await engine.all(cluster.premiumsSql()));
  } catch (error) {
    await work.close();
    throw error;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  workspaces.set(engine, {local: work, window});
  closeWithEngine(engine);

  const csv = options.extractsDir ? join(options.extractsDir, "reference_rates.csv") : undefined;
  let referenceSource: DriftSetup["referenceSource"] = "estimated";
  if (csv && existsSync(csv)) {
    referenceSource = "reference_rates.csv";
    try {
      await work.run(createReferenceRatesFromCsvSql(tables.rates, csv));
    } catch (error) {
      throw new CarnetError(
        `${csv}: ${(error as Error).message.split("\n")[0]} (expected columns guarantee,sex,job_category,age_band,annual_rate)`
      );
    }
  } else {
    await work.run(local.createReferenceRatesSql(tables.rates, tables.referenceExposure, tables.referenceFacts));
  }
  await work.run(
    options.seasonality === false
      ? `CREATE OR REPLACE TEMP TABLE ${tables.season} AS
         SELECT g.guarantee, CAST(t.moy AS INTEGER) AS moy, 1.0 AS factor
         FROM (SELECT DISTINCT guarantee FROM ${tables.rates}) g CROSS JOIN range(1, 13) AS t(moy)`
      : local.createSeasonSql(tables.season, tables.rates, tables.referenceExposure, tables.referenceFacts)
  );
  const guarantees = (
    await work.all<{guarantee: string}>(`SELECT DISTINCT guarantee FROM ${tables.rates} ORDER BY 1`)
  ).map((r) => r.guarantee);
  return {window, reference, referenceSource, guarantees};
}
