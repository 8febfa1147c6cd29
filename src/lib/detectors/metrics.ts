import type {RowAccounting, RunManifest, RunMetrics} from "./types.js";

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

/**
 * One run as the page holds it, flat: its manifest's facts, its figures without the curves (which travel in their
 * own file), and its row accounting. Types only: erased at build, so nothing Node-side ships to the browser.
 */
export interface RunSummary extends RunManifest, Omit<RunMetrics, "roc" | "pr">, RowAccounting {
  /** Unique key of the run (its folder). */
  id: string;
  /** The newest run of its cell; older ones are history. */
  current: boolean;
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
