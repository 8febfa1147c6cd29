import type {RunManifest} from "../../loaders/detectors/types.js";

/** The metrics a reader can pick for the matrix, and how each is written. Browser-safe, no Framework globals. */
export const METRICS = ["auc", "average_precision", "f1", "precision", "recall", "accuracy"] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  auc: "ROC AUC",
  average_precision: "Average precision",
  f1: "F1 at the decision",
  precision: "Precision at the decision",
  recall: "Recall at the decision",
  accuracy: "Accuracy at the decision"
};

/** One run as the page holds it: its manifest's facts (type erased at build: nothing Node-side ships) and metrics, flat. */
export interface RunSummary extends RunManifest {
  /** Unique key of the run (its folder). */
  id: string;
  current: boolean;
  n: number;
  positives: number;
  auc: number | null;
  average_precision: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  decision_source: "decision" | "threshold" | "mixed" | "none";
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
}

/** A metric value for people: three decimals, or "undefined" when the data gives it no meaning. */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "undefined" : value.toFixed(digits);
}

/** A signed difference: "+0.021", "−0.004", "0.000". */
export function formatDelta(value: number | null, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return "undefined";
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value > 0 ? "+" : "\u2212"}${text}`;
}
