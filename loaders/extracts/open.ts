/**
 * Opens an extract folder for the loaders. Staging (validation + pseudonymisation) is done once per delivery
 * and cached as Parquet under `.carnet-cache/<fingerprint>/`; the fingerprint covers the files' names, sizes
 * and modification times, the pseudonym key (as a digest) and the staging code version, so any change
 * re-stages. Later loaders open the cached Parquet in milliseconds instead of re-reading the CSVs.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {ClickHouseEngine} from "../engine/clickhouse.ts";
import {configuredEngine} from "../engine/configured.ts";
import {duckDbMemory, DuckDbEngine} from "../engine/duckdb.ts";
import type {Engine} from "../engine/engine.ts";
import {installLoaderErrors} from "../engine/loader-errors.ts";
import {literal} from "../engine/sql.ts";
import {CarnetError} from "../errors.ts";
import {contract} from "./contract.ts";
import {cacheDir, extractsDir} from "./location.ts";
import {pseudonymKey} from "./pseudonym.ts";
import {readRejects, stageExtracts, type Accounting} from "./stage.ts";
import {fingerprint} from "./staging-key.ts";
import type {FileAccounting} from "./validate.ts";

export interface Extracts {
  engine: Engine;
  dir: string;
  snapshotDate: string;
  accounting: Accounting;
  /** What identifies the delivery's staged or ingested state: work derived from it is cached under this key. */
  stagingKey: string;
}

/** Where the staged tables' DuckDB works: in memory (default), or a database file with a spill folder. */
export interface WorkspaceOptions {
  database?: string;
  spill?: string;
}

interface Meta {
  dir: string;
  snapshotDate: string | null;
  files: FileAccounting[];
  rejected: number;
}

export async function openExtracts(dir = extractsDir(), workspace: WorkspaceOptions = {}): Promise<Extracts> {
  installLoaderErrors();
  const choice = configuredEngine();
  if (choice.kind === "clickhouse") return openIngested(choice.url);
  return openStagedExtracts(dir, workspace);
}

/** The folder staged in the embedded DuckDB, whatever CARNET_ENGINE says (what `carnet ingest` loads from). */
export async function openStagedExtracts(dir = extractsDir(), workspace: WorkspaceOptions = {}): Promise<Extracts> {
  dir = resolve(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CarnetError(
      `${dir}: extract folder not found; set CARNET_EXTRACTS or run \`npm run --silent carnet -- generate\``
    );
  }
  const key = pseudonymKey();
  const stagingKey = fingerprint(dir, key);
  const folder = stagedFolder(stagingKey);
  if (!existsSync(join(folder, "meta.json"))) await stageToCache(dir, key, folder);
  const meta = JSON.parse(readFileSync(join(folder, "meta.json"), "utf8")) as Meta;
  const engine = await DuckDbEngine.open(workspace.database ?? ":memory:", {
    memory_limit: duckDbMemory(),
    ...(workspace.spill ? {temp_directory: workspace.spill} : {})
  });
  for (const name of [...contract.map((f) => f.name), "rejects"]) {
    await engine.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet(${literal(join(folder, `${name}.parquet`))})`);
  }
  // Pages show the first rejects; `carnet check` reads them all from the `rejects` table.
  const rejects = await readRejects(engine, 10_000);
  return {engine, dir, snapshotDate: meta.snapshotDate ?? "", accounting: {files: meta.files, rejects}, stagingKey};
}

/** The folder a delivery opened with openStagedExtracts is staged in (its staging key names it in the cache). */
export function stagedFolder(stagingKey: string): string {
  return join(cacheDir(), stagingKey);
}

async function stageToCache(dir: string, key: string, folder: string): Promise<void> {
  const temporary = `${folder}.tmp-${process.pid}`;
  mkdirSync(temporary, {recursive: true});
  // A bounded workspace: past the limit DuckDB spills to disk instead of growing (10M claims stage in < 4 GiB).
  const options = {temp_directory: join(temporary, "spill"), memory_limit: duckDbMemory()};
  const staged = await stageExtracts(dir, key, await DuckDbEngine.open(":memory:", options));
  try {
    for (const name of [...contract.map((f) => f.name), "rejects"]) {
      await staged.engine.run(
        `COPY ${name} TO ${literal(join(temporary, `${name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`
      );
    }
  } finally {
    await staged.engine.close();
  }
  rmSync(join(temporary, "spill"), {recursive: true, force: true});
  const rejected = staged.files.reduce((sum, f) => sum + f.rows_rejected, 0);
  const meta: Meta = {dir, snapshotDate: staged.snapshotDate, files: staged.files, rejected};
  writeFileSync(join(temporary, "meta.json"), JSON.stringify(meta, null, 2));
  // Another loader may have staged the same delivery meanwhile: keep theirs, drop ours.
  try {
    renameSync(temporary, folder);
  } catch {
    rmSync(temporary, {recursive: true, force: true});
  }
  pruneCache(folder);
}

/** Keeps the most recently staged deliveries only, so the cache does not grow with every delivery. */
const KEPT_STAGINGS = 6;

function pruneCache(current: string): void {
  const root = dirname(current);
  const stagings = readdirSync(root)
    .filter((name) => /^[0-9a-f]{24}$/.test(name))
    .map((name) => ({path: join(root, name), time: statSync(join(root, name)).mtimeMs}))
    .sort((a, b) => b.time - a.time);
  for (const old of stagings.slice(KEPT_STAGINGS))
    if (old.path !== current) rmSync(old.path, {recursive: true, force: true});
}

/** The same extract, already validated and loaded into a ClickHouse cluster by `carnet ingest`. */
async function openIngested(url: string): Promise<Extracts> {
  const engine = await ClickHouseEngine.connect(url);
  const meta = await engine.all<{folder: string; snapshot_date: string; files: string; ingested_at: string}>(
    "SELECT folder, snapshot_date, files, toString(ingested_at) AS ingested_at FROM ingest_meta ORDER BY ingested_at DESC LIMIT 1"
  );
  if (!meta.length)
    throw new CarnetError(
      `${engine.label}: no extract has been ingested; run \`carnet ingest --engine ${engine.label}\``
    );
  const rejects = await engine.all<Accounting["rejects"][number] & Record<string, unknown>>(
    "SELECT file, line, column, reason FROM rejects ORDER BY file, line LIMIT 10000"
  );
  return {
    engine,
    dir: meta[0].folder,
    snapshotDate: meta[0].snapshot_date,
    accounting: {files: JSON.parse(meta[0].files), rejects},
    stagingKey: `clickhouse-${createHash("sha256").update(`${engine.label}\n${meta[0].ingested_at}\n${meta[0].files}`).digest("hex").slice(0, 24)}`
  };
}
