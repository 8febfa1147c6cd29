/**
 * The money side of a scenario. `savingPerAbuse: null` means "as recorded": the gross savings of a selection are
 * the sum of the `saving_eur` of its abuses; a number overrides it (hits x saving per abuse).
 */
import type {Backtest} from "./backtest.js";

export interface Economics {
  /** Cost of one medical expertise (EUR). */
  costPerExpertise: number;
  /** Saving per detected abuse (EUR), or null to use the recorded savings. */
  savingPerAbuse: number | null;
}

/** The business baseline of 2016 (../shared/domain.md): 300 EUR per expertise, 8,000 EUR per abuse. */
export const BUSINESS_COST_EUR = 300;
export const BUSINESS_SAVING_EUR = 8000;

/** Gross savings of the top k claims: O(1). */
export function savingsAt(bt: Backtest, k: number, eco: Economics): number {
  return eco.savingPerAbuse === null ? bt.cumSavings[k] : bt.cumHits[k] * eco.savingPerAbuse;
}

/** Saving per abuse in force: the override, or the mean recorded saving per abuse of the backtest. */
export function savingPerAbuseInForce(bt: Backtest, eco: Economics): number {
  if (eco.savingPerAbuse !== null) return eco.savingPerAbuse;
  return bt.totalHits ? bt.totalSavings / bt.totalHits : 0;
}

/**
 * Break-even precision: the hit rate at which an expertise pays for itself, cost / saving per abuse
 * (300 / 8,000 = 3.75% on the business baseline). Infinity when an abuse saves nothing.
 */
export function breakEvenPrecision(costPerExpertise: number, savingPerAbuse: number): number {
  return savingPerAbuse > 0 ? costPerExpertise / savingPerAbuse : Infinity;
}
