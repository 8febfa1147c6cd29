/**
 * Gain, lift and net-savings curves, sampled on at most `maxPoints` capacities so a chart draws a few hundred
 * points whatever the number of claims. Recomputed when the economics change; the chosen point is a lookup.
 */
import type {Backtest} from "./backtest.js";
import {savingsAt, type Economics} from "./economics.js";

export interface CurvePoint {
  k: number;
  /** k / n: the share of the backtest's claims expertised. */
  share: number;
  /** Share of all abuses found in the top k (gain). */
  recall: number;
  /** Precision at k over the base rate (null at k = 0). */
  lift: number | null;
  net_eur: number;
}

/** The capacities drawn: 0, n and evenly spaced ones in between, plus any `extra` (e.g. the optimum). */
export function sampleCapacities(n: number, maxPoints = 400, extra: readonly number[] = []): number[] {
  const ks = new Set<number>([0, n]);
  const steps = Math.max(1, Math.min(n, maxPoints - 1));
  for (let i = 1; i < steps; i++) ks.add(Math.round((i * n) / steps));
  for (const k of extra) if (k >= 0 && k <= n) ks.add(Math.floor(k));
  return [...ks].sort((a, b) => a - b);
}

export function curvePoint(bt: Backtest, k: number, eco: Economics): CurvePoint {
  const hits = bt.cumHits[k];
  return {
    k,
    share: bt.n ? k / bt.n : 0,
    recall: bt.totalHits ? hits / bt.totalHits : 0,
    lift: k && bt.baseRate ? hits / k / bt.baseRate : null,
    net_eur: savingsAt(bt, k, eco) - k * eco.costPerExpertise
  };
}

export function curves(bt: Backtest, eco: Economics, maxPoints = 400, extra: readonly number[] = []): CurvePoint[] {
  return sampleCapacities(bt.n, maxPoints, extra).map((k) => curvePoint(bt, k, eco));
}
