/**
 * Bootstrap intervals on hits and net savings at a capacity.
 *
 * One resample draws n claims with replacement from the backtest (seeded, so the interval is reproducible) and
 * orders its k expertises on the resample's top-k claims. Because the resample keeps the backtest's ranking,
 * its top k are the first claims in rank order until their multiplicities add up to k: one pass per resample
 * records hits and recorded savings at every capacity of a grid (all capacities up to GRID_SIZE claims, evenly
 * spaced ones beyond). This is done once per data load; at a slider move the interval is read from the two
 * nearest grid capacities (linear interpolation between them, exact on the grid), O(resamples).
 */
import type {Backtest} from "./backtest.js";
import {sampleCapacities} from "./curves.js";
import type {Economics} from "./economics.js";

/** Documented on the page: 200 resamples, seed 2016, 90% percentile intervals. */
export const BOOTSTRAP_RESAMPLES = 200;
export const BOOTSTRAP_SEED = 2016;
export const BOOTSTRAP_LEVEL = 0.9;
const GRID_SIZE = 401;

export interface BootstrapGrid {
  resamples: number;
  seed: number;
  /** Capacities at which resampled values are recorded (increasing, from 0 to n). */
  grid: Int32Array;
  /** hits[b * grid.length + g]: abuses among the top grid[g] claims of resample b. */
  hits: Float64Array;
  /** Same for recorded savings. */
  savings: Float64Array;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  gridSize?: number;
}

export function bootstrapGrid(bt: Backtest, options: BootstrapOptions = {}): BootstrapGrid {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const grid = Int32Array.from(sampleCapacities(bt.n, options.gridSize ?? GRID_SIZE));
  const G = grid.length;
  const hits = new Float64Array(resamples * G);
  const savings = new Float64Array(resamples * G);
  const n = bt.n;
  // mulberry32 (see prng.ts) inlined: this loop draws resamples x n numbers and a closure call per draw doubles its time.
  let state = seed >>> 0;
  const weight = new Int32Array(n);
  const abuse = bt.abuse;
  const saving = bt.saving;
  for (let b = 0; b < resamples; b++) {
    weight.fill(0);
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      weight[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]++;
    }
    const row = b * G;
    let g = 0;
    // grid[0] = 0: nothing selected yet.
    while (g < G && grid[g] === 0) g++;
    let cumW = 0;
    let cumH = 0;
    let cumS = 0;
    for (let r = 0; r < n && g < G; r++) {
      const w = weight[r];
      if (!w) continue;
      const after = cumW + w;
      // Capacities reached inside this claim's copies take only the copies needed.
      while (g < G && grid[g] <= after) {
        const take = grid[g] - cumW;
        hits[row + g] = cumH + take * abuse[r];
        savings[row + g] = cumS + take * saving[r];
        g++;
      }
      cumW = after;
      cumH += w * abuse[r];
      cumS += w * saving[r];
    }
  }
  return {resamples, seed, grid, hits, savings};
}

/** Percentile of sorted values, linear between order statistics (R type 7, as d3.quantile). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (!n) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapInterval {
  k: number;
  level: number;
  hits: Interval;
  net_eur: Interval;
}

/** The grid cell holding k: index g with grid[g] <= k <= grid[g + 1] (binary search). */
function gridIndex(grid: Int32Array, k: number): number {
  let lo = 0;
  let hi = grid.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (grid[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Interval at capacity k (clamped to the grid) for the given economics. */
export function intervalAt(boot: BootstrapGrid, k: number, eco: Economics, level = BOOTSTRAP_LEVEL): BootstrapInterval {
  const {grid, resamples} = boot;
  const G = grid.length;
  const kk = Math.min(grid[G - 1], Math.max(0, k));
  const g0 = gridIndex(grid, kk);
  const g1 = Math.min(G - 1, g0 + 1);
  const span = grid[g1] - grid[g0];
  const t = span ? (kk - grid[g0]) / span : 0;
  const hits = new Float64Array(resamples);
  const nets = new Float64Array(resamples);
  const cost = kk * eco.costPerExpertise;
  for (let b = 0; b < resamples; b++) {
    const row = b * G;
    const h = boot.hits[row + g0] + t * (boot.hits[row + g1] - boot.hits[row + g0]);
    const s =
      eco.savingPerAbuse === null
        ? boot.savings[row + g0] + t * (boot.savings[row + g1] - boot.savings[row + g0])
        : h * eco.savingPerAbuse;
    hits[b] = h;
    nets[b] = s - cost;
  }
  hits.sort();
  nets.sort();
  const tail = (1 - level) / 2;
  return {
    k: kk,
    level,
    hits: {low: quantileSorted(hits, tail), high: quantileSorted(hits, 1 - tail)},
    net_eur: {low: quantileSorted(nets, tail), high: quantileSorted(nets, 1 - tail)}
  };
}
