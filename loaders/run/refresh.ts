/**
 * The monthly scenario a scheduler runs (`carnet refresh`): check -> stage -> prepare -> build into a new folder ->
 * compare with the published delivery -> publish, each step timed and logged, the run appended to runs.jsonl, and
 * the reporter command run when the run published new alerts or did not end well. See deliveries.ts for the
 * publish folder and why `current` always serves a complete site.
 */
import {spawn} from "node:child_process";
import {existsSync, openSync, closeSync, readFileSync, statSync, writeFileSync, mkdirSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {stripVTControlCharacters} from "node:util";
import {configuredEngine} from "../engine/configured.ts";
import {CarnetError, isCarnetError} from "../errors.ts";
import {contract} from "../extracts/contract.ts";
import {projectRoot} from "../extracts/location.ts";
import {locateFile} from "../extracts/raw.ts";
import {rowTotals} from "../extracts/validate.ts";
import {compareFigures, type Changes} from "./compare.ts";
import {
  buildingDir,
  currentDelivery,
  deliveryFigures,
  deliveryName,
  deliveryRecord,
  ensureLayout,
  prune,
  publish,
  removeAbandoned,
  type DeliveryRecord
} from "./deliveries.ts";
import {withDetectors, type PreparedFigures} from "./figures.ts";
import {deliveryFingerprint} from "./fingerprint.ts";
import {appendRun, type RunRecord, type StepStatus} from "./history.ts";
import {RefreshLock, type LockOwner} from "./lock.ts";
import {notify} from "./notify.ts";

export interface RefreshOptions {
  extracts: string;
  publish: string;
  keep: number;
  ifChanged: boolean;
  notify?: string;
  /** Progress lines (stderr in the CLI). */
  log: (message: string) => void;
}

export interface RefreshResult {
  code: 0 | 1 | 2;
  record: RunRecord;
}

/** A delivery refused in the check or stage step: exit 2, nothing published. */
class Refused extends Error {}

export function newRunId(now = new Date()): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")}-${process.pid}`;
}

/** The last line of a build's log that says something (Framework and npm end with blank and banner lines). */
function lastMeaningfulLine(log: string): string {
  const lines = readFileSync(log, "utf8")
    .split("\n")
    .map((l) => stripVTControlCharacters(l).trim())
    .filter((l) => l && !/^(npm (ERR!|error)|> )/.test(l));
  return lines.at(-1) ?? "(no output)";
}

export async function refresh(options: RefreshOptions): Promise<RefreshResult> {
  const dir = resolve(options.publish);
  const extracts = resolve(options.extracts);
  mkdirSync(dir, {recursive: true});
  if (configuredEngine().kind !== "duckdb")
    throw new CarnetError(
      "carnet refresh: runs on the embedded DuckDB engine only; unset CARNET_ENGINE (a cluster is loaded with `carnet ingest`, then built with `npm run build`)",
      1
    );
  const runId = newRunId();
  const {lock, tookOverFrom} = RefreshLock.acquire(dir, runId);
  const record: RunRecord = {
    run_id: runId,
    started_at: new Date().toISOString(),
    ended_at: "",
    status: "failed",
    delivery: null,
    extracts,
    snapshot_date: null,
    fingerprint: null,
    steps: [],
    rows: null,
    alerts: null,
    error: null
  };
  let build: ReturnType<typeof spawn> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (build?.pid) {
      try {
        process.kill(-build.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    finish(record, dir, "failed", `stopped by ${signal}`);
    lock.release();
    process.exit(1);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);

  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    options.log(`${name}...`);
    const started = performance.now();
    const entry = {name, seconds: 0, status: "ok" as StepStatus};
    record.steps.push(entry);
    try {
      return await work();
    } catch (error) {
      entry.status = "failed";
      throw error;
    } finally {
      entry.seconds = (performance.now() - started) / 1000;
      options.log(`${name}: ${entry.status} (${entry.seconds.toFixed(1)} s)`);
    }
  };

  let code: 0 | 1 | 2 = 1;
  try {
    ensureLayout(dir);
    if (tookOverFrom) recordDeadRun(dir, tookOverFrom, options.log);
    for (const removed of removeAbandoned(dir)) options.log(`removed ${removed}, left by a run that did not finish`);
    const previous = currentDelivery(dir);

    const fingerprint = await step("check", async () => {
      checkDelivery(extracts);
      return deliveryFingerprint(extracts);
    }).catch(refusedIf(isCarnetError));
    record.fingerprint = fingerprint;

    if (options.ifChanged && previous && deliveryRecord(dir, previous)?.fingerprint === fingerprint) {
      options.log(`delivery ${fingerprint} is the published one (${previous}): nothing to do`);
      record.delivery = previous;
      record.snapshot_date = deliveryRecord(dir, previous)?.snapshot_date ?? null;
      finish(record, dir, "unchanged", null);
      return {code: 0, record};
    }

    const staged = await step("stage", () => stage(extracts)).catch(refusedIf(isCarnetError));
    record.rows = staged.rows;
    record.snapshot_date = staged.snapshotDate;
    const name = deliveryName(dir, staged.snapshotDate, fingerprint);
    record.delivery = name;

    const prepared = await step("prepare", async () => {
      const {ensurePrepared} = await import("../prepare/prepared.ts");
      return ensurePrepared({extracts, onStep: (m) => options.log(m)});
    });

    const building = buildingDir(dir, runId);
    await step("build", async () => {
      mkdirSync(building, {recursive: true});
      const logFile = join(dir, "logs", `${runId}.log`);
      const env = {
        ...process.env,
        CARNET_EXTRACTS: extracts,
        CARNET_SITE_OUTPUT: join(building, "site"),
        CARNET_PUBLISH: dir,
        CARNET_RUN_ID: runId,
        CARNET_DELIVERY: name,
        CARNET_PREVIOUS: previous ?? "",
        CARNET_FINGERPRINT: fingerprint
      };
      const out = openSync(logFile, "a");
      try {
        build = spawn("npm", ["run", "--silent", "build"], {
          cwd: projectRoot,
          env,
          stdio: ["ignore", out, out],
          // Its own process group: a dead run's build is stopped as a whole by the next run (lock.ts).
          detached: true
        });
        if (build.pid) lock.recordBuild(build.pid);
        const exit = await new Promise<number | null>((done, fail) => {
          build!.on("error", fail);
          build!.on("close", done);
        });
        if (exit !== 0)
          throw new Error(
            `the build failed (exit ${exit}): ${lastMeaningfulLine(logFile)} (log: ${relative(process.cwd(), logFile)})`
          );
        if (!existsSync(join(building, "site", "index.html")))
          throw new Error(`the build wrote no index.html (log: ${relative(process.cwd(), logFile)})`);
      } finally {
        closeSync(out);
        build = null;
      }
    });

    const changes = await step("compare", async () => {
      const figures = await withDetectors(
        JSON.parse(readFileSync(join(prepared.folder, "key-figures.json"), "utf8")) as PreparedFigures,
        join(extracts, "detector-runs")
      );
      const changes = compareFigures(figures, previous ? deliveryFigures(dir, previous) : null);
      writeFileSync(join(building, "figures.json"), JSON.stringify(figures));
      return changes;
    });
    record.alerts = changes.alerts;

    await step("publish", async () => {
      const delivery: DeliveryRecord = {
        name,
        snapshot_date: staged.snapshotDate,
        fingerprint,
        run_id: runId,
        published_at: new Date().toISOString(),
        rows: staged.rows,
        alerts: changes.alerts
      };
      writeFileSync(join(building, "delivery.json"), JSON.stringify(delivery, null, 2));
      publish(dir, building, name, runId);
      for (const removed of prune(dir, options.keep))
        options.log(`removed delivery ${removed} (--keep ${options.keep})`);
    });
    finish(record, dir, "published", null);
    options.log(summaryLine(name, changes));
    code = 0;
  } catch (error) {
    const refused = error instanceof Refused;
    code = refused ? 2 : 1;
    finish(record, dir, refused ? "refused" : "failed", (error as Error).message);
  } finally {
    process.removeListener("SIGTERM", onSignal);
    process.removeListener("SIGINT", onSignal);
    lock.release();
  }
  const published = record.status === "published";
  if (options.notify && ((published && (record.alerts?.new ?? 0) > 0) || !published))
    await notify(options.notify, record, options.log);
  return {code, record};
}

/** A run that died holding the lock (killed, machine stopped) gets its line in the history from the next one. */
function recordDeadRun(dir: string, owner: LockOwner, log: (message: string) => void): void {
  log(`run ${owner.run_id} (pid ${owner.pid}) died without finishing: its lock is taken over`);
  appendRun(dir, {
    run_id: owner.run_id,
    started_at: owner.started_at,
    ended_at: new Date().toISOString(),
    status: "failed",
    delivery: null,
    extracts: "",
    snapshot_date: null,
    fingerprint: null,
    steps: [],
    rows: null,
    alerts: null,
    error: `the run (pid ${owner.pid}) ended without finishing (killed?); its build was stopped and its folder removed`
  });
}

function refusedIf(test: (error: unknown) => boolean) {
  return (error: unknown): never => {
    throw test(error) ? new Refused((error as Error).message) : error;
  };
}

/** Appends the run to the history once, with its end. */
function finish(record: RunRecord, dir: string, status: RunRecord["status"], error: string | null): void {
  if (record.ended_at) return;
  record.ended_at = new Date().toISOString();
  record.status = status;
  record.error = error;
  appendRun(dir, record);
}

function summaryLine(name: string, changes: Changes): string {
  const {alerts} = changes;
  const since = changes.previous ? `since ${changes.previous}` : "no previous delivery";
  return `published ${name}: ${alerts.new} new, ${alerts.continuing} continuing, ${alerts.closed} closed alert(s) (${since})`;
}

/** The delivery is a folder holding every file the contract requires (their content is the stage step's). */
function checkDelivery(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CarnetError(`${dir}: extract folder not found`);
  for (const file of contract) {
    if (file.optional || locateFile(dir, file)) continue;
    throw new CarnetError(`${join(dir, `${file.name}.csv`)}: missing; the data contract requires it`);
  }
}

/** Validates and pseudonymises the delivery into the staging cache (what every later step reads). */
async function stage(dir: string) {
  const {openExtracts} = await import("../extracts/open.ts");
  const extracts = await openExtracts(dir);
  try {
    return {snapshotDate: extracts.snapshotDate, rows: rowTotals(extracts.accounting.files)};
  } finally {
    await extracts.engine.close();
  }
}
