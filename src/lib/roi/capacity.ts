/**
 * Capacity <-> score threshold, the two linked inputs. Both are O(log n) or O(1) lookups in the ranked scores.
 */
import {formatCount} from "../format.js";
import type {Backtest} from "./backtest.js";

/** A requested capacity as a whole number of expertises within [0, n]. */
export function clampCapacity(bt: Backtest, k: number): number {
  if (!Number.isFinite(k)) return 0;
  return Math.min(bt.n, Math.max(0, Math.floor(k)));
}

/** Number of claims whose score is >= threshold (binary search on the non-increasing scores). */
export function capacityForThreshold(bt: Backtest, threshold: number): number {
  let lo = 0;
  let hi = bt.n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bt.scores[mid] >= threshold) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The score of the k-th claim: ordering expertises on every claim scored at or above it selects about k claims
 * (exactly k unless claims tie at that score). null when k is 0 (nothing selected).
 */
export function thresholdForCapacity(bt: Backtest, k: number): number | null {
  const c = clampCapacity(bt, k);
  return c === 0 ? null : bt.scores[c - 1];
}

/**
 * The capacity a scenario opens at: the link's k, else the optimum; a k above the backtest is capped at n with
 * a notice saying so, never an error.
 */
export function startingCapacity(
  requested: number | null,
  n: number,
  optimum: number
): {k: number; notice: string | null} {
  if (requested === null) return {k: optimum, notice: null};
  if (requested <= n) return {k: requested, notice: null};
  const all = formatCount(n);
  return {k: n, notice: `capacity k=${requested} is more than the ${all} claims of this backtest; using ${all}.`};
}
