/**
 * What the detectors page counts before it draws: the current run of each cell against the older runs kept as
 * history, the detectors and detector versions shown, and the runs of one cell (for the drill-down's manifest).
 * Pure, so the page only wires these figures to its cards and components.
 */
import type {RunSummary} from "./metrics.js";

type Run = Pick<RunSummary, "detector" | "detector_version" | "dataset" | "current">;

export interface RunsOverview<T extends Run> {
  /** The newest run of each detector version x dataset: the matrix's cells. */
  current: T[];
  /** Older runs of the same cells, kept as history. */
  older: T[];
  /** Detectors with a current run, sorted. */
  detectors: string[];
  /** Detector versions with a current run (the matrix's rows). */
  versionRows: number;
}

export function runsOverview<T extends Run>(runs: readonly T[]): RunsOverview<T> {
  const current = runs.filter((r) => r.current);
  return {
    current,
    older: runs.filter((r) => !r.current),
    detectors: [...new Set(current.map((r) => r.detector))].sort((a, b) => a.localeCompare(b)),
    versionRows: new Set(current.map((r) => JSON.stringify([r.detector, r.detector_version]))).size
  };
}

/** Every run, current or history, of the cell (detector version x dataset) a run belongs to. */
export function runsOfCell<T extends Run>(runs: readonly T[], run: Run): T[] {
  return runs.filter(
    (r) => r.detector === run.detector && r.detector_version === run.detector_version && r.dataset === run.dataset
  );
}
