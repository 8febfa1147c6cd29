/**
 * The capacity that maximises net savings. O(n) over the cumulative arrays, recomputed only when the economics
 * change (not when the capacity slider moves).
 */
import type {Backtest} from "./backtest.js";
import {savingsAt, type Economics} from "./economics.js";

export interface Optimum {
  /** Smallest k (0..n) reaching the highest net savings; 0 when no selection pays. */
  k: number;
  net_eur: number;
}

export function optimalCapacity(bt: Backtest, eco: Economics): Optimum {
  let best = 0;
  let bestNet = 0;
  for (let k = 1; k <= bt.n; k++) {
    const net = savingsAt(bt, k, eco) - k * eco.costPerExpertise;
    if (net > bestNet) {
      bestNet = net;
      best = k;
    }
  }
  return {k: best, net_eur: bestNet};
}
