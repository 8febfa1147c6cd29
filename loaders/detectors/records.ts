/**
 * Flat records of runs, as the CLI prints them and the page downloads them: one per run, unrounded numbers,
 * null for an undefined metric.
 */
import type {DetectorRun} from "../../src/lib/detectors/types.ts";

export const RECORD_COLUMNS = [
  "run_id",
  "detector",
  "detector_version",
  "dataset",
  "dataset_version",
  "n",
  "positives",
  "auc",
  "average_precision",
  "precision",
  "recall",
  "f1",
  "accuracy",
  "threshold"
] as const;

export type RunRecord = {[K in (typeof RECORD_COLUMNS)[number]]: string | number | null};

export function runRecord(run: DetectorRun): RunRecord {
  const {manifest: m, metrics: x} = run;
  return {
    run_id: m.run_id,
    detector: m.detector,
    detector_version: m.detector_version,
    dataset: m.dataset,
    dataset_version: m.dataset_version,
    n: x.n,
    positives: x.positives,
    auc: x.auc,
    average_precision: x.average_precision,
    precision: x.precision,
    recall: x.recall,
    f1: x.f1,
    accuracy: x.accuracy,
    threshold: m.threshold
  };
}

/** The matrix download: the current run of every cell, with its confusion matrix, manifest facts and history size. */
export const MATRIX_COLUMNS = [
  ...RECORD_COLUMNS,
  "tp",
  "fp",
  "tn",
  "fn",
  "decision_source",
  "code_commit",
  "started_at",
  "rows_rejected"
] as const;

export function matrixRecord(run: DetectorRun): Record<(typeof MATRIX_COLUMNS)[number], string | number | null> {
  return {
    ...runRecord(run),
    tp: run.metrics.tp,
    fp: run.metrics.fp,
    tn: run.metrics.tn,
    fn: run.metrics.fn,
    decision_source: run.metrics.decision_source,
    code_commit: run.manifest.code_commit,
    started_at: run.manifest.started_at,
    rows_rejected: run.accounting.rows_rejected
  };
}
