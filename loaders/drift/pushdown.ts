/**
 * Drift on a ClickHouse cluster: push-down, not pull-all. The DuckDB path builds row-level working tables
 * (exposure per insured and month, one row per claim); here the cluster computes the aggregates those tables
 * feed on (sql/clickhouse/cluster.ts) and only they cross the wire, into a local in-memory DuckDB workspace
 * where the rest of the pipeline (rates, seasons, A/E cells, loss ratio) runs over them (local-sql.ts, cubeSql).
 * The returned workspace owns that local DuckDB: closing it closes the DuckDB, never the cluster's engine.
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {grains} from "../../src/lib/periods.ts";
import type {ClickHouseEngine} from "../engine/clickhouse.ts";
import {duckDbMemory, DuckDbEngine} from "../engine/duckdb.ts";
import type {Row} from "../engine/engine.ts";
import {identifier, literal} from "../engine/sql.ts";
import {cubeSql} from "./local-sql.ts";
import {stageRates} from "./rates.ts";
import * as cluster from "./sql/clickhouse/cluster.ts";
import {exposureFromStepsSql, type DateWindow} from "./sql/duckdb/exposure.ts";
import {createInsuredCountsSql} from "./sql/duckdb/insured-counts.ts";
import {CLAIM_CUBE} from "./sql/duckdb/reference-rates.ts";
import {referenceWindow, tables, windowFromBounds, type PrepareOptions} from "./window.ts";
import type {DriftWorkspace} from "./workspace.ts";

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
  steps: {
    contract_id: "VARCHAR",
    sex: "VARCHAR",
    job_category: "VARCHAR",
    band_month: "SMALLINT",
    band_quarter: "SMALLINT",
    band_year: "SMALLINT",
    month: "INTEGER",
    step: "INTEGER",
    missing: "BIGINT"
  },
  covers: {contract_id: "VARCHAR", job_category: "VARCHAR", fm: "INTEGER", lm: "INTEGER", n: "BIGINT"},
  bandCovers: {band: "SMALLINT", first_month: "INTEGER", last_month: "INTEGER", n: "BIGINT"},
  facts: {...cubeTypes, guarantee: "VARCHAR", claims: "BIGINT", cost_eur: "DOUBLE"},
  // Stand-ins under the extract's table names, holding only what the shared statements read from them.
  claims: {guarantee: "VARCHAR"},
  insuredGroups: {sex: "VARCHAR", job_category: "VARCHAR"},
  contracts: {contract_id: "VARCHAR", sector_naf: "VARCHAR", region: "VARCHAR"},
  premiums: {contract_id: "VARCHAR", year: "INTEGER", earned_premium_eur: "DOUBLE"},
  claimRows: {
    insured_id: "VARCHAR",
    contract_id: "VARCHAR",
    sector_naf: "VARCHAR",
    region: "VARCHAR",
    guarantee: "VARCHAR",
    month: "VARCHAR",
    sex: "VARCHAR",
    job_category: "VARCHAR",
    age_band: "VARCHAR",
    days_paid: "DOUBLE",
    cost_eur: "DOUBLE",
    status: "VARCHAR"
  }
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

/**
 * Creates `table` in the local DuckDB from a cluster query streamed to a file (a cube of millions of rows never
 * sits in this process's memory). With `perShard`, each shard returns its own final groups unmerged: right for the
 * cubes, whose keys include the contract (the sharding key), so a group lives on one shard.
 */
async function loadStreamed(
  work: DuckDbEngine,
  engine: ClickHouseEngine,
  dir: string,
  table: string,
  types: Record<string, string>,
  sql: string,
  perShard = false
): Promise<void> {
  const file = join(dir, `${table}.json`);
  // Past 1 GB a shard's GROUP BY spills to its disk instead of failing at the per-query memory limit.
  const spill = {max_bytes_before_external_group_by: 1_000_000_000};
  await engine.toFile(sql, file, perShard ? {...spill, distributed_group_by_no_merge: 1} : spill);
  const columns = Object.entries(types);
  const spec = columns.map(([c, t]) => `${literal(c)}: ${literal(t)}`).join(", ");
  await work.run(
    `CREATE OR REPLACE TABLE ${identifier(table)} AS SELECT ${columns.map(([c]) => identifier(c)).join(", ")}
     FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {${spec}})`
  );
  rmSync(file, {force: true});
}

/** The window's claim rows from the cluster into the local DuckDB (streamed); returns the drill-down's source. */
async function loadClaimRows(
  work: DuckDbEngine,
  engine: ClickHouseEngine,
  dir: string,
  window: DateWindow
): Promise<string> {
  await loadStreamed(
    work,
    engine,
    dir,
    "drift_claim_rows",
    schemas.claimRows,
    cluster.pageClaimRowsSql(engine.database, window)
  );
  return `SELECT insured_id, contract_id, sector_naf, region, guarantee, CAST(month || '-01' AS DATE) AS month_start,
    sex, job_category, age_band, days_paid, cost_eur, status FROM drift_claim_rows`;
}

export async function preparePushedDown(engine: ClickHouseEngine, options: PrepareOptions): Promise<DriftWorkspace> {
  const db = engine.database;
  const [bounds] = await engine.all<{first: string | null; last: string | null}>(cluster.windowBoundsSql());
  const window = windowFromBounds(bounds?.first ?? null, bounds?.last ?? null, options);
  const reference = referenceWindow(window, options);

  // The local workspace is a database file with a spill folder: a large portfolio's cubes are millions of rows.
  const dir = mkdtempSync(join(tmpdir(), "carnet-drift-"));
  const work = await DuckDbEngine.open(join(dir, "work.duckdb"), {
    memory_limit: duckDbMemory(),
    temp_directory: join(dir, "spill")
  });
  const close = async () => {
    await work.close();
    rmSync(dir, {recursive: true, force: true});
  };
  try {
    const cube = (table: string, types: Record<string, string>, sql: string) =>
      loadStreamed(work, engine, dir, table, types, sql, true);
    // The contracts first: the exposure cube takes their sector and region.
    await load(work, dir, "claims", schemas.claims, await engine.all(cluster.guaranteesSql()));
    await load(work, dir, "insured", schemas.insuredGroups, await engine.all(cluster.groupsSql()));
    await load(work, dir, "contracts", schemas.contracts, await engine.all(cluster.contractsSql()));
    await load(work, dir, "premiums", schemas.premiums, await engine.all(cluster.premiumsSql()));
    // The shards cut each insured's cover and return the cube's difference steps; the runs and the cube itself
    // are built here by the DuckDB path's own statements.
    const exposure = async (table: string, range: DateWindow) => {
      await cube(`${table}_steps`, schemas.steps, cluster.exposureStepsSql(db, range));
      for (const sql of exposureFromStepsSql(table, `${table}_steps`)) await work.run(sql);
    };
    await exposure(tables.exposure, window);
    await cube(tables.facts, schemas.facts, cluster.claimCubeSql(db, window));
    // Distinct insured from insured counted alike (the shards count, this adds up and runs the sums).
    await cube("drift_covers", schemas.covers, cluster.coversSql(db, window));
    for (const grain of grains)
      await cube(`drift_band_covers_${grain}`, schemas.bandCovers, cluster.bandCoversSql(db, window, grain));
    await work.run(
      createInsuredCountsSql(
        tables.insured,
        tables.exposure,
        {
          covers: "SELECT contract_id, job_category, fm AS first_month, lm AS last_month, n FROM drift_covers",
          bandCovers: grains
            .map((g) => `SELECT '${g}' AS grain, band, first_month, last_month, n FROM drift_band_covers_${g}`)
            .join(" UNION ALL ")
        },
        window
      )
    );
    for (const table of ["drift_covers", ...grains.map((g) => `drift_band_covers_${g}`)])
      await work.run(`DROP TABLE ${table}`);
    await exposure(tables.referenceExposure, reference);
    await cube(tables.referenceFacts, schemas.facts, cluster.claimCubeSql(db, reference));
    const rates = await stageRates(work, options, CLAIM_CUBE);
    // Loaded once, whichever cube asks first.
    let drillSource: Promise<string> | undefined;
    return {
      setup: {window, reference, ...rates},
      local: work,
      sql: cubeSql,
      // The per-claim rows are not staged locally until the drill-down asks: then they come from the shards,
      // pseudonymised, into the local DuckDB, where drill.ts aggregates them.
      drillSource: () => (drillSource ??= loadClaimRows(work, engine, dir, window)),
      close
    };
  } catch (error) {
    await close();
    throw error;
  }
}
