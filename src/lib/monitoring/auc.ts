/**
 * ROC AUC of a score on decided claims, with DeLong's variance and interval, and DeLong's paired test of two models
 * scoring the same claims. Browser-safe (no Node imports).
 *
 * - AUC: the Mann-Whitney statistic, P(score of a positive > score of a negative), ties counting 1/2.
 * - Variance: DeLong, DeLong & Clarke-Pearson (1988, "Comparing the areas under two or more correlated receiver
 *   operating characteristic curves: a nonparametric approach", Biometrics 44:837), from the structural components
 *   V10 (one per positive) and V01 (one per negative); computed with one sort, O(n log n), by the midrank identities
 *   of Sun & Xu (2014, "Fast implementation of DeLong's algorithm...", IEEE Signal Process. Lett. 21:1389).
 * - Interval: AUC ± z·√variance, clipped to [0, 1]: the Wald interval of pROC's `ci.auc(method = "delong")` (R package
 *   pROC, Robin et al. 2011), so that a figure on a page can be reproduced there.
 * Checked against pROC's own test values on its aSAH data set in tests/lib/monitoring/auc-test.ts.
 */
import {chiSquareQuantile, gammaQ} from "../drift/gamma.js";

export type Label = 0 | 1;

export interface AucEstimate {
  /** null when a class is empty. */
  auc: number | null;
  /** DeLong's variance of the AUC; null when a class has fewer than 2 claims (the components' variances need 2). */
  variance: number | null;
  /** The interval at the requested level; null with the variance. */
  low: number | null;
  high: number | null;
  n_positive: number;
  n_negative: number;
}

/** The structural components of one score: V10 per positive and V01 per negative, in the claims' order. */
interface Placements {
  auc: number;
  v10: Float64Array;
  v01: Float64Array;
}

function checkInputs(name: string, scores: readonly number[], labels: readonly Label[]): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`${name}: ${scores.length} scores but ${labels.length} labels`);
  }
  for (const s of scores) if (!Number.isFinite(s)) throw new RangeError(`${name}: scores must be finite, got ${s}`);
  for (const y of labels) if (y !== 0 && y !== 1) throw new RangeError(`${name}: labels must be 0 or 1, got ${y}`);
}

function classSizes(labels: readonly Label[]): {positives: number; negatives: number} {
  let positives = 0;
  for (const y of labels) positives += y;
  return {positives, negatives: labels.length - positives};
}

/**
 * V10 and V01 by one sort. For a positive, V10 = (negatives scored below + half the negatives tied with it) / n_neg,
 * which is Sun & Xu's (Tz - Tx) / n with midranks Tz (among all) and Tx (among positives); for a negative,
 * V01 = (positives scored above + half the tied ones) / n_pos. Both classes must be non-empty.
 */
function placements(
  scores: readonly number[],
  labels: readonly Label[],
  positives: number,
  negatives: number
): Placements {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  const v10 = new Float64Array(positives);
  const v01 = new Float64Array(negatives);
  // Where each claim's component goes: its rank within its class, in the claims' order.
  const slot = new Int32Array(scores.length);
  let p = 0;
  let q = 0;
  for (let i = 0; i < labels.length; i++) slot[i] = labels[i] === 1 ? p++ : q++;
  let negativesBelow = 0;
  let positivesBelow = 0;
  // The Mann-Whitney U counted in halves stays an exact integer, so the AUC is exact up to one division.
  let twiceU = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    let tiedPositives = 0;
    while (end < order.length && scores[order[end]] === scores[order[start]]) tiedPositives += labels[order[end++]];
    const tiedNegatives = end - start - tiedPositives;
    const positiveComponent = (negativesBelow + tiedNegatives / 2) / negatives;
    const negativeComponent = (positives - positivesBelow - tiedPositives / 2) / positives;
    for (let k = start; k < end; k++) {
      const claim = order[k];
      if (labels[claim] === 1) v10[slot[claim]] = positiveComponent;
      else v01[slot[claim]] = negativeComponent;
    }
    twiceU += tiedPositives * (2 * negativesBelow + tiedNegatives);
    negativesBelow += tiedNegatives;
    positivesBelow += tiedPositives;
    start = end;
  }
  return {auc: twiceU / 2 / positives / negatives, v10, v01};
}

/** Σ (a_i - meanA)(b_i - meanB) / (k - 1), the sample covariance S of DeLong's paper. */
function covariance(a: Float64Array, meanA: number, b: Float64Array, meanB: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - meanA) * (b[i] - meanB);
  return s / (a.length - 1);
}

/** z such that P(|Z| <= z) = level for a standard normal Z: √(chi-square quantile with 1 df). */
function normalQuantile(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  return Math.sqrt(chiSquareQuantile(level, 1));
}

/**
 * The ROC AUC of `scores` for `labels` (1 = positive: the score should be higher), DeLong's variance, and the Wald
 * interval at `level`, clipped to [0, 1].
 */
export function aucDeLong(scores: readonly number[], labels: readonly Label[], level = 0.95): AucEstimate {
  checkInputs("aucDeLong", scores, labels);
  const z = normalQuantile(level);
  const {positives: n_positive, negatives: n_negative} = classSizes(labels);
  if (n_positive === 0 || n_negative === 0) {
    return {auc: null, variance: null, low: null, high: null, n_positive, n_negative};
  }
  const {auc, v10, v01} = placements(scores, labels, n_positive, n_negative);
  if (n_positive < 2 || n_negative < 2) return {auc, variance: null, low: null, high: null, n_positive, n_negative};
  const variance = covariance(v10, auc, v10, auc) / n_positive + covariance(v01, auc, v01, auc) / n_negative;
  const half = z * Math.sqrt(variance);
  return {auc, variance, low: Math.max(0, auc - half), high: Math.min(1, auc + half), n_positive, n_negative};
}

export interface PairedDeLong {
  /** The two AUCs; null when a class is empty. */
  auc_a: number | null;
  auc_b: number | null;
  /** auc_a - auc_b. */
  difference: number | null;
  /** DeLong's variance of the difference, Var(A) + Var(B) - 2 Cov(A, B); null when a class has fewer than 2 claims. */
  variance: number | null;
  /** difference / √variance; null when the variance is null or 0 (e.g. the same scores twice). */
  z: number | null;
  /** Two-sided normal p-value of z; null with z. */
  pvalue: number | null;
  n_positive: number;
  n_negative: number;
}

/**
 * DeLong's test that two models scoring the same claims (`a[i]` and `b[i]` score claim i, whose outcome is
 * `labels[i]`) have the same AUC: z = (AUC_a - AUC_b) / √Var(AUC_a - AUC_b), the variance from the paired structural
 * components (DeLong et al. 1988, section 3), the p-value two-sided. (pROC's `roc.test` reports z = 0 where this
 * returns null: when both the difference and its variance are 0.)
 */
export function pairedDeLong(a: readonly number[], b: readonly number[], labels: readonly Label[]): PairedDeLong {
  checkInputs("pairedDeLong", a, labels);
  checkInputs("pairedDeLong", b, labels);
  const {positives: n_positive, negatives: n_negative} = classSizes(labels);
  const none = {variance: null, z: null, pvalue: null, n_positive, n_negative};
  if (n_positive === 0 || n_negative === 0) return {auc_a: null, auc_b: null, difference: null, ...none};
  const pa = placements(a, labels, n_positive, n_negative);
  const pb = placements(b, labels, n_positive, n_negative);
  const difference = pa.auc - pb.auc;
  const result = {auc_a: pa.auc, auc_b: pb.auc, difference};
  if (n_positive < 2 || n_negative < 2) return {...result, ...none};
  // The variance of the difference as the variance of the differences of the components: a sum of squares, so it
  // cannot come out negative by cancellation as Var(A) + Var(B) - 2 Cov(A, B) can.
  const d10 = pa.v10.map((v, i) => v - pb.v10[i]);
  const d01 = pa.v01.map((v, i) => v - pb.v01[i]);
  const variance =
    covariance(d10, difference, d10, difference) / n_positive +
    covariance(d01, difference, d01, difference) / n_negative;
  if (!(variance > 0)) return {...result, ...none, variance};
  const z = difference / Math.sqrt(variance);
  return {...result, variance, z, pvalue: gammaQ(0.5, (z * z) / 2), n_positive, n_negative};
}
