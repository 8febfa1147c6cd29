/**
 * One preparation per delivery. The work several page loaders need (drift's working tables and everything read
 * from them, the ROI backtest, the value report's inputs) is computed once into a folder beside the delivery's
 * staged tables, keyed like them (the staging key: files, pseudonym key, staging version; on a cluster, the
 * latest ingest) and by the code that computes it (a digest of outputs.ts and every module it imports). The
 * build runs it before the loaders (scripts/prebuild.ts), `carnet prepare` runs it alone, and a page loader run
 * by itself prepares when nothing is there yet.
 *
 * The work happens in a DuckDB database file with a spill folder inside a temporary folder, so a large delivery
 * stays within CARNET_DUCKDB_MEMORY by spilling to disk; the folder is renamed into place only when complete, so a
 * killed preparation is never read, and its leftovers are removed by the next one.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {configuredEngine} from "../engine/configured.ts";
import {installLoaderErrors} from "../engine/loader-errors.ts";
import {cacheDir, extractsDir} from "../extracts/location.ts";
import {stagingKeyOf} from "../extracts/staging-key.ts";
import {isAlive} from "../process-alive.ts";
import {codeDigest} from "../source/imports.ts";
import type {PreparedFile} from "./outputs.ts";

const OUTPUTS_MODULE = join(dirname(fileURLToPath(import.meta.url)), "outputs.ts");

export interface PreparedStep {
  name: string;
  seconds: number;
}

export interface Prepared {
  folder: string;
  /** True when this call computed it, false when an earlier preparation was reused. */
  computed: boolean;
  steps: PreparedStep[];
}

export interface PrepareOptions {
  /** Extract folder; default CARNET_EXTRACTS, else data/extracts. */
  extracts?: string;
  /** Called when a step starts and when it ends (for progress on stderr). */
  onStep?: (message: string) => void;
}

/** The prepared folder of the configured delivery, computed first when missing. */
export async function ensurePrepared(options: PrepareOptions = {}): Promise<Prepared> {
  installLoaderErrors();
  const code = codeDigest(OUTPUTS_MODULE);
  const root = join(cacheDir(), "prepared");
  const dir = options.extracts ?? extractsDir();
  // On the embedded engine the key is known from the files alone: a prepared delivery is found without opening it.
  if (configuredEngine().kind === "duckdb" && existsSync(dir)) {
    const folder = join(root, `${stagingKeyOf(dir)}-${code}`);
    if (existsSync(join(folder, "prepared.json"))) return {folder, computed: false, steps: readSteps(folder)};
  }
  return prepare(root, code, dir, options);
}

/** Opens (stages if needed) the delivery and computes its prepared files, unless they turn out to exist. */
async function prepare(root: string, code: string, dir: string, options: PrepareOptions): Promise<Prepared> {
  // Loaded only when there is work to do: a loader publishing a prepared file needs none of it.
  const {openExtracts} = await import("../extracts/open.ts");
  const {withinMemory} = await import("../engine/out-of-memory.ts");
  const {prepareOutputs} = await import("./outputs.ts");
  const temporary = join(root, `.tmp-${process.pid}-${Date.now()}`);
  removeAbandoned(root);
  mkdirSync(temporary, {recursive: true});
  const steps: PreparedStep[] = [];
  let folder = "";
  try {
    const extracts = await openExtracts(dir, {
      database: join(temporary, "work.duckdb"),
      spill: join(temporary, "spill")
    });
    try {
      folder = join(root, `${extracts.stagingKey}-${code}`);
      if (existsSync(join(folder, "prepared.json"))) return {folder, computed: false, steps: readSteps(folder)};
      const work = extracts.engine;
      await prepareOutputs(
        extracts,
        async (name, bytes) => writeFileSync(join(temporary, name), bytes),
        async (name, run) => {
          options.onStep?.(`prepare: ${name}...`);
          const started = performance.now();
          const result = work.kind === "duckdb" ? await withinMemory(work, `prepare: ${name}`, run) : await run();
          const seconds = (performance.now() - started) / 1000;
          steps.push({name, seconds});
          options.onStep?.(`prepare: ${name} (${seconds.toFixed(1)} s)`);
          return result;
        }
      );
    } finally {
      await extracts.engine.close();
    }
    rmSync(join(temporary, "work.duckdb"), {force: true});
    rmSync(join(temporary, "work.duckdb.wal"), {force: true});
    rmSync(join(temporary, "spill"), {recursive: true, force: true});
    writeFileSync(join(temporary, "prepared.json"), JSON.stringify({steps}, null, 2));
    try {
      renameSync(temporary, folder);
    } catch {
      // Another process prepared the same delivery meanwhile: theirs is as good as ours.
    }
    pruneOld(root, folder);
    return {folder, computed: true, steps};
  } finally {
    rmSync(temporary, {recursive: true, force: true});
  }
}

/** The bytes of one prepared file of the configured delivery (prepared first when missing). */
export async function readPrepared(name: PreparedFile): Promise<Buffer | undefined> {
  const {folder} = await ensurePrepared();
  const path = join(folder, name);
  return existsSync(path) ? readFileSync(path) : undefined;
}

function readSteps(folder: string): PreparedStep[] {
  return (JSON.parse(readFileSync(join(folder, "prepared.json"), "utf8")) as {steps: PreparedStep[]}).steps;
}

/** Temporary folders of preparations whose process is gone (killed, out of memory). */
function removeAbandoned(root: string): void {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    const pid = /^\.tmp-(\d+)-/.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(root, name), {recursive: true, force: true});
  }
}

/** Keeps the most recent prepared deliveries only, as the staging cache does. */
const KEPT = 6;

function pruneOld(root: string, current: string): void {
  const prepared = readdirSync(root)
    .filter((name) => !name.startsWith("."))
    .map((name) => ({path: join(root, name), time: statSync(join(root, name)).mtimeMs}))
    .sort((a, b) => b.time - a.time);
  for (const old of prepared.slice(KEPT)) if (old.path !== current) rmSync(old.path, {recursive: true, force: true});
}
