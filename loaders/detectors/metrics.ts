/**
 * A run's metrics from a staged predictions table (label INTEGER 0/1, score DOUBLE, decision INTEGER or NULL).
 * The sorting and summing happen in the engine; this file only divides, following scikit-learn's definitions:
 * roc_auc_score (trapezoidal, so tied scores count one half), average_precision_score
 * (sum_n (R_n - R_{n-1}) P_n, no interpolation), and precision / recall / F1 / accuracy at the decision.
 * A metric that has no meaning on the data (no forged document, nothing flagged...) is null, never NaN or 0.
 */
import type {Confusion, PrPoint, RocPoint, RunMetrics} from "../../src/lib/detectors/types.ts";
import type {Engine} from "../engine/engine.ts";
import * as sql from "./sql/duckdb/metrics.ts";

/** Curves carry at most this many points (the origin included). */
export const MAX_CURVE_POINTS = 200;

export async function runMetrics(engine: Engine, table: string, threshold: number | null): Promise<RunMetrics> {
  const [rank] = await engine.all<{
    positives: number;
    negatives: number;
    auc_twice_count: number | null;
    ap_sum: number | null;
  }>(sql.rankMetrics(table));
  const [decided] = await engine.all<Confusion & {undecided: number; given: number; n: number}>(
    sql.confusion(table, threshold)
  );
  const points = await engine.all<{score: number; tp: number; fp: number}>(
    sql.curvePoints(table, MAX_CURVE_POINTS - 1)
  );

  const positives = Number(rank.positives);
  const negatives = Number(rank.negatives);
  const n = positives + negatives;
  const auc = positives > 0 && negatives > 0 ? Number(rank.auc_twice_count) / (2 * positives * negatives) : null;
  const average_precision = positives > 0 ? Number(rank.ap_sum) / positives : null;
  const counts = {tp: decided.tp, fp: decided.fp, tn: decided.tn, fn: decided.fn};
  const source: RunMetrics["decision_source"] =
    decided.n === 0 || decided.undecided === decided.n
      ? "none"
      : decided.given === decided.n
        ? "decision"
        : decided.given === 0
          ? "threshold"
          : "mixed";
  return {
    n,
    positives,
    auc,
    average_precision,
    ...counts,
    ...decisionMetrics(counts),
    decision_source: source,
    roc: rocCurve(points, positives, negatives),
    pr: prCurve(points, positives)
  };
}

/** Precision, recall, F1 and accuracy from a confusion matrix (pure; null where the ratio has no denominator). */
export function decisionMetrics({
  tp,
  fp,
  tn,
  fn
}: Confusion): Pick<RunMetrics, "precision" | "recall" | "f1" | "accuracy"> {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    // F1 = 2TP / (2TP + FP + FN): the harmonic mean of precision and recall, 0 when nothing forged was flagged.
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    accuracy: ratio(tp + tn, tp + fp + tn + fn)
  };
}

/** ROC from (0, 0); undefined (empty) without both classes. */
export function rocCurve(
  points: readonly {score: number; tp: number; fp: number}[],
  positives: number,
  negatives: number
): RocPoint[] {
  if (positives === 0 || negatives === 0) return [];
  return [
    {threshold: null, fpr: 0, tpr: 0},
    ...points.map((p) => ({threshold: p.score, fpr: p.fp / negatives, tpr: p.tp / positives}))
  ];
}

/** Precision-recall points, one per kept threshold; undefined (empty) without forged documents. */
export function prCurve(points: readonly {score: number; tp: number; fp: number}[], positives: number): PrPoint[] {
  if (positives === 0) return [];
  return points.map((p) => ({threshold: p.score, recall: p.tp / positives, precision: p.tp / (p.tp + p.fp)}));
}
