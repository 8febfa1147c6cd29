/**
 * What `carnet check` asks of the detector runs: which runs are usable and every problem found, each as
 * {file, line, column, reason}. Metrics are computed as well, since a run that cannot be scored is a problem.
 */
import type {Engine} from "../engine/engine.ts";
import {readDetectorRuns} from "./runs.ts";
import {runsDir} from "./location.ts";
import type {Problem, RowAccounting} from "./types.ts";

export interface DetectorRunsCheck {
  dir: string;
  /** Accepted runs: folder, run_id and how many prediction rows were read, accepted and rejected. */
  runs: ({folder: string; run_id: string} & RowAccounting)[];
  /** Folders of runs that cannot be used at all. */
  rejectedRuns: string[];
  problems: Problem[];
}

/** `dir` defaults to CARNET_RUNS, else <extract folder>/detector-runs. */
export async function checkDetectorRuns(dir: string = runsDir(), engine?: Engine): Promise<DetectorRunsCheck> {
  const result = await readDetectorRuns(dir, {engine});
  return {
    dir: result.dir,
    runs: result.runs.map((run) => ({folder: run.folder, run_id: run.manifest.run_id, ...run.accounting})),
    rejectedRuns: result.rejected.map((r) => r.folder),
    problems: result.problems
  };
}
