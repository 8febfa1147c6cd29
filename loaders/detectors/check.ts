/**
 * What `carnet check` asks of the detector runs: which runs are usable and every problem found, each as
 * {file, line, column, reason}. Metrics are computed as well, since a run that cannot be scored is a problem.
 * `files` and `rejects` give the same facts in the shape of the extract check (rows read / accepted /
 * rejected per file, then every reject), so the check verb can print both together.
 */
import type {Problem, RowAccounting} from "../../src/lib/detectors/types.ts";
import type {Engine} from "../engine/engine.ts";
import {runsDir} from "./location.ts";
import {readDetectorRuns} from "./runs.ts";

export interface DetectorRunsCheck {
  dir: string;
  /** Accepted runs: folder, run_id and how many prediction rows were read, accepted and rejected. */
  runs: ({folder: string; run_id: string} & RowAccounting)[];
  /** Folders of runs that cannot be used at all. */
  rejectedRuns: string[];
  problems: Problem[];
  /** Per predictions file read, e.g. {file: "detector-runs/<run>/predictions.csv", rows_read, ...}. */
  files: ({file: string} & RowAccounting)[];
  /** The problems again (line is null for a problem about a whole file). */
  rejects: Problem[];
}

/** `dir` defaults to CARNET_RUNS, else <extract folder>/detector-runs. */
export async function checkDetectorRuns(dir: string = runsDir(), engine?: Engine): Promise<DetectorRunsCheck> {
  const result = await readDetectorRuns(dir, {engine});
  return {
    dir: result.dir,
    runs: result.runs.map((run) => ({folder: run.folder, run_id: run.manifest.run_id, ...run.accounting})),
    rejectedRuns: result.rejected.map((r) => r.folder),
    problems: result.problems,
    files: result.accounting.map(({folder: _folder, ...file}) => file),
    rejects: result.problems
  };
}
