/**
 * Every figure of the backtest at one capacity: O(1) lookups in the cumulative arrays.
 */
import type {Backtest} from "./backtest.js";
import {clampCapacity} from "./capacity.js";
import {savingsAt, type Economics} from "./economics.js";

export interface CapacityPoint {
  /** Expertises ordered: the requested capacity, capped at the number of claims in the backtest. */
  k: number;
  /** The capacity asked for (may exceed the backtest). */
  requested_k: number;
  /** Abuses among the top k claims. */
  hits: number;
  /** hits / k (0 when k = 0). */
  precision: number;
  /** hits / all abuses of the backtest (0 when there are none). */
  recall: number;
  /** precision / base rate (0 when the base rate is 0). */
  lift: number;
  savings_eur: number;
  /** k x cost per expertise. */
  cost_eur: number;
  net_eur: number;
  /** net / cost (0 when k = 0). */
  roi: number;
}

export function pointAt(bt: Backtest, requested: number, eco: Economics): CapacityPoint {
  const k = clampCapacity(bt, requested);
  const hits = bt.cumHits[k];
  const precision = k ? hits / k : 0;
  const savings = savingsAt(bt, k, eco);
  const cost = k * eco.costPerExpertise;
  const net = savings - cost;
  return {
    k,
    requested_k: Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : 0,
    hits,
    precision,
    recall: bt.totalHits ? hits / bt.totalHits : 0,
    lift: bt.baseRate ? precision / bt.baseRate : 0,
    savings_eur: savings,
    cost_eur: cost,
    net_eur: net,
    roi: cost ? net / cost : 0
  };
}
