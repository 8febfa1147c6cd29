/**
 * The shapes detector analytics pass around. A "run" is one detector version scored on one dataset
 * (../shared/data-contract.md, "Detector runs"): a manifest and one prediction per document.
 */

/** One problem found in a run folder, located as precisely as the input allows. */
export interface Problem {
  /** Path relative to the runs folder's parent, e.g. "detector-runs/<run_id>/predictions.csv". */
  file: string;
  /** 1-based line in that file; null when the problem is about the whole file. */
  line: number | null;
  /** Column (CSV) or field (JSON) concerned; null when none applies. */
  column: string | null;
  reason: string;
}

/** manifest.json, validated. */
export interface RunManifest {
  run_id: string;
  detector: string;
  detector_version: string;
  dataset: string;
  dataset_version: string | null;
  /** Operating threshold: decision = score >= threshold when the predictions carry no decision. */
  threshold: number | null;
  params: Record<string, unknown>;
  code_commit: string | null;
  /** ISO 8601 date-time, as written. */
  started_at: string;
}

export type Confusion = {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
};

export interface RocPoint {
  /** Lowest score counted as forged at this point; null for the (0, 0) start. */
  threshold: number | null;
  fpr: number;
  tpr: number;
}

export interface PrPoint {
  threshold: number;
  recall: number;
  precision: number;
}

/** Every figure the page and the CLI show for one run. Undefined metrics are null, never NaN. */
export interface RunMetrics extends Confusion {
  /** Documents scored (accepted prediction rows). */
  n: number;
  /** Forged documents (label 1). */
  positives: number;
  /** ROC AUC, ties counting one half; null without both forged and genuine documents. */
  auc: number | null;
  /** Average precision, sum over thresholds of (R_n - R_{n-1}) P_n; null without forged documents. */
  average_precision: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
  /** Where decisions came from: the `decision` column, the manifest threshold, or both (per row). */
  decision_source: "decision" | "threshold" | "mixed" | "none";
  /** At most 200 points each, from (0, 0) to (1, 1); empty when the curve is undefined. */
  roc: RocPoint[];
  pr: PrPoint[];
}

/** Rows of a predictions file: read = accepted + rejected. */
export interface RowAccounting {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
}

export interface DetectorRun {
  folder: string;
  manifest: RunManifest;
  metrics: RunMetrics;
  accounting: RowAccounting;
  /** True for the newest run of its (detector, version, dataset); older ones are history. */
  current: boolean;
}
