/**
 * Reads a whole detector-runs folder: every run folder's manifest and predictions, validated, staged and
 * scored. Nothing is skipped silently: a run that cannot be used appears in `rejected` with its problems,
 * and rows rejected inside an accepted run appear in `problems` too.
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {basename, join} from "node:path";
import type {DetectorRun, Problem, RowAccounting} from "../../src/lib/detectors/types.ts";
import {DuckDbEngine} from "../engine/duckdb.ts";
import type {Engine} from "../engine/engine.ts";
import {currentFlags, compareVersions} from "./history.ts";
import {readManifest} from "./manifest.ts";
import {runMetrics} from "./metrics.ts";
import {stagePredictions} from "./predictions.ts";

export interface RejectedRun {
  folder: string;
  problems: Problem[];
}

export interface DetectorRunsResult {
  dir: string;
  /** Accepted runs, current and history, sorted by detector, version, dataset, newest first. */
  runs: DetectorRun[];
  rejected: RejectedRun[];
  /** Every problem, of rejected and accepted runs alike. */
  problems: Problem[];
  /** Per predictions file read: its run folder, its name as in problems, its rows. */
  accounting: ({folder: string; file: string} & RowAccounting)[];
}

export interface ReadOptions {
  /** An engine to stage predictions in (a temporary in-memory DuckDB otherwise). */
  engine?: Engine;
  /** Called before each run with its position, for progress display. */
  onRun?: (index: number, total: number, folder: string) => void;
}

export async function readDetectorRuns(dir: string, options: ReadOptions = {}): Promise<DetectorRunsResult> {
  const label = basename(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      dir,
      runs: [],
      rejected: [],
      problems: [
        {
          file: label,
          line: null,
          column: null,
          reason: `runs folder not found at ${dir}; expected one sub-folder per run`
        }
      ],
      accounting: []
    };
  }
  const folders = readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  const engine = options.engine ?? (await DuckDbEngine.open());
  const accepted: Omit<DetectorRun, "current">[] = [];
  const rejected: RejectedRun[] = [];
  const problems: Problem[] = [];
  const accounting: DetectorRunsResult["accounting"] = [];
  try {
    for (const [index, folder] of folders.entries()) {
      options.onRun?.(index, folders.length, folder);
      const display = `${label}/${folder}`;
      const {manifest, problems: manifestProblems} = readManifest(
        join(dir, folder, "manifest.json"),
        `${display}/manifest.json`
      );
      if (!manifest) {
        rejected.push({folder, problems: manifestProblems});
        problems.push(...manifestProblems);
        continue;
      }
      if (manifest.run_id !== folder) {
        // Not fatal: the folder name is what people see on disk, the run_id what they cite; both are kept.
        problems.push({
          file: `${display}/manifest.json`,
          line: null,
          column: "run_id",
          reason: `run_id "${manifest.run_id}" differs from its folder name "${folder}"`
        });
      }
      const staged = await stagePredictions(engine, {
        folder: join(dir, folder),
        display,
        table: `detector_run_${index}`,
        threshold: manifest.threshold
      });
      problems.push(...staged.problems);
      accounting.push({folder, file: staged.file, ...staged.accounting});
      if (!staged.table) {
        rejected.push({folder, problems: staged.problems});
        continue;
      }
      const metrics = await runMetrics(engine, staged.table, manifest.threshold);
      await engine.run(`DROP TABLE IF EXISTS ${staged.table}`);
      accepted.push({folder, manifest, metrics, accounting: staged.accounting});
    }
  } finally {
    if (!options.engine) await engine.close();
  }
  const flags = currentFlags(accepted.map((run) => run.manifest));
  const runs = accepted.map((run, i) => ({...run, current: flags[i]})).sort(byCell);
  return {dir, runs, rejected, problems, accounting};
}

function byCell(a: DetectorRun, b: DetectorRun): number {
  const x = a.manifest;
  const y = b.manifest;
  return (
    x.detector.localeCompare(y.detector) ||
    compareVersions(x.detector_version, y.detector_version) ||
    x.dataset.localeCompare(y.dataset) ||
    Date.parse(y.started_at) - Date.parse(x.started_at) ||
    x.run_id.localeCompare(y.run_id)
  );
}
