/**
 * What the /detectors page loads: every accepted run flat (metrics, confusion, manifest, history flag), the
 * problems, and apart from them the curves (loaded only when a cell is opened). Document ids never leave
 * the loaders: only counts, rates and curve coordinates do.
 *
 * Three page loaders need the same scored runs, so the result is cached on disk under the project cache,
 * keyed by every run file's name, size and modification time (and this library's version): any change to a
 * run folder recomputes it.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import type {RunSummary} from "../../src/lib/detectors/metrics.ts";
import type {DetectorRun, Problem} from "../../src/lib/detectors/types.ts";
import {cacheDir} from "../extracts/location.ts";
import {MATRIX_COLUMNS, matrixRecord} from "./records.ts";
import {readDetectorRuns, type DetectorRunsResult} from "./runs.ts";

/** Bump when the shape or the computation changes, so cached results are not reused. */
const CACHE_VERSION = 1;
/** Problems listed on the page; the count of the rest is given. */
const MAX_PAGE_PROBLEMS = 500;

export interface DetectorPageData {
  /** The runs folder, by name only (no server path on a page). */
  folder: string;
  runs: RunSummary[];
  /** Column order: every dataset any run used, sorted. */
  datasets: string[];
  rejected: {folder: string; problems: Problem[]}[];
  problems: Problem[];
  problemCount: number;
}

/** Curve coordinates per run id, rounded to 4 decimals (a pixel on any chart is coarser). */
export type DetectorCurves = Record<string, {roc: [number, number][]; pr: [number, number][]}>;

export async function detectorRuns(dir: string): Promise<DetectorRunsResult> {
  const key = cacheKey(dir);
  const file = key ? join(cacheDir(), `detectors-${key}.json`) : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DetectorRunsResult;
  const result = await readDetectorRuns(dir);
  if (file) {
    mkdirSync(cacheDir(), {recursive: true});
    writeFileSync(file, JSON.stringify(result));
  }
  return result;
}

export function pageData(result: DetectorRunsResult): DetectorPageData {
  const runs = result.runs.map(summary);
  return {
    folder: basename(result.dir),
    runs,
    datasets: [...new Set(runs.map((r) => r.dataset))].sort((a, b) => a.localeCompare(b)),
    rejected: result.rejected,
    problems: result.problems.slice(0, MAX_PAGE_PROBLEMS),
    problemCount: result.problems.length
  };
}

export function pageCurves(result: DetectorRunsResult): DetectorCurves {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return Object.fromEntries(
    result.runs.map((run) => [
      run.folder,
      {
        roc: run.metrics.roc.map((p) => [round(p.fpr), round(p.tpr)] as [number, number]),
        pr: run.metrics.pr.map((p) => [round(p.recall), round(p.precision)] as [number, number])
      }
    ])
  );
}

/** The matrix as CSV rows: the current run of every cell, every metric, unrounded. */
export function matrixCsvRows(result: DetectorRunsResult): Record<string, string | number | null>[] {
  return result.runs.filter((r) => r.current).map(matrixRecord);
}
export {MATRIX_COLUMNS};

function summary(run: DetectorRun): RunSummary {
  const {manifest: m, metrics: x, accounting: a} = run;
  return {
    id: run.folder,
    run_id: m.run_id,
    detector: m.detector,
    detector_version: m.detector_version,
    dataset: m.dataset,
    dataset_version: m.dataset_version,
    threshold: m.threshold,
    params: m.params,
    code_commit: m.code_commit,
    started_at: m.started_at,
    current: run.current,
    n: x.n,
    positives: x.positives,
    auc: x.auc,
    average_precision: x.average_precision,
    precision: x.precision,
    recall: x.recall,
    f1: x.f1,
    accuracy: x.accuracy,
    tp: x.tp,
    fp: x.fp,
    tn: x.tn,
    fn: x.fn,
    decision_source: x.decision_source,
    rows_read: a.rows_read,
    rows_accepted: a.rows_accepted,
    rows_rejected: a.rows_rejected
  };
}

/** A hash of every file's name, size and mtime under the runs folder; null when the folder is missing. */
function cacheKey(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const hash = createHash("sha256").update(`v${CACHE_VERSION}\0${dir}\0`);
  for (const folder of readdirSync(dir).sort()) {
    const path = join(dir, folder);
    const stat = statSync(path);
    hash.update(`${folder}\0${stat.mtimeMs}\0`);
    if (!stat.isDirectory()) continue;
    for (const name of readdirSync(path).sort()) {
      const s = statSync(join(path, name));
      hash.update(`${folder}/${name}\0${s.size}\0${s.mtimeMs}\0`);
    }
  }
  return hash.digest("hex").slice(0, 24);
}
