/**
 * The backtest: claims with a known expertise outcome, ranked by model score (highest first, equal scores broken
 * by the claim's key so results never depend on input order), folded once into cumulative arrays. Every figure at
 * a capacity k is then a lookup in these arrays (O(1)), and a threshold becomes a capacity by binary search
 * (O(log n)): moving a slider never re-sorts.
 */

/** Which arm chose the claim for an expertise (see the data contract). */
export type Arm = "rule" | "model" | "random";

export interface BacktestClaim {
  /** Model score in [0, 1]. */
  score: number;
  /** True when the expertise found an abuse. */
  abuse: boolean;
  /** Allowance saved by the expertise (EUR), used when savings are "as recorded". */
  saving: number;
  arm: Arm;
  /** Tie-break for equal scores: the claim id (pseudonymised), or its rank as computed by the loader. */
  key: string | number;
}

export interface Backtest {
  /** Number of claims in the backtest. */
  n: number;
  /** Scores in rank order (non-increasing). */
  scores: Float64Array;
  /** 1 for an abuse, 0 otherwise, in rank order. */
  abuse: Uint8Array;
  /** Recorded saving (EUR) per claim in rank order (0 for non-abuses). */
  saving: Float64Array;
  /** Arm per claim in rank order: 0 rule, 1 model, 2 random. */
  arm: Uint8Array;
  /** cumHits[k] = abuses among the top k claims; length n + 1. */
  cumHits: Float64Array;
  /** cumSavings[k] = recorded savings of the abuses among the top k claims; length n + 1. */
  cumSavings: Float64Array;
  totalHits: number;
  totalSavings: number;
  /** Abuses / claims: the precision of ordering expertises at random among these claims. */
  baseRate: number;
}

export const ARMS: readonly Arm[] = ["rule", "model", "random"];

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Ranks the claims (score descending, then key ascending) and builds the cumulative arrays. O(n log n), once. */
export function buildBacktest(claims: readonly BacktestClaim[]): Backtest {
  // Sorting indices over flat copies of the scores is several times faster than comparing objects.
  const score = Float64Array.from(claims, (c) => c.score);
  const numericKeys = claims.every((c) => typeof c.key === "number");
  const numeric = numericKeys ? Float64Array.from(claims, (c) => c.key as number) : null;
  const order = Array.from({length: claims.length}, (_, i) => i);
  order.sort(
    numeric
      ? (i, j) => score[j] - score[i] || numeric[i] - numeric[j]
      : (i, j) => score[j] - score[i] || compareKeys(claims[i].key, claims[j].key)
  );
  const n = claims.length;
  const scores = new Float64Array(n);
  const abuse = new Uint8Array(n);
  const saving = new Float64Array(n);
  const arm = new Uint8Array(n);
  const cumHits = new Float64Array(n + 1);
  const cumSavings = new Float64Array(n + 1);
  for (let r = 0; r < n; r++) {
    const claim = claims[order[r]];
    scores[r] = claim.score;
    abuse[r] = claim.abuse ? 1 : 0;
    saving[r] = claim.abuse ? claim.saving || 0 : 0;
    arm[r] = Math.max(0, ARMS.indexOf(claim.arm));
    cumHits[r + 1] = cumHits[r] + abuse[r];
    cumSavings[r + 1] = cumSavings[r] + saving[r];
  }
  const totalHits = cumHits[n];
  return {
    n,
    scores,
    abuse,
    saving,
    arm,
    cumHits,
    cumSavings,
    totalHits,
    totalSavings: cumSavings[n],
    baseRate: n ? totalHits / n : 0
  };
}
