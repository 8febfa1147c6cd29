/**
 * The scenario explorer's computations in three tiers, so each input pays only for what it changes:
 * - `prepare` (model version or period changed): rank the claims, cumulative arrays, bootstrap grid, deciles,
 *   random-arm estimate, rule arm. O(n log n + resamples x n), once per data load or choice of claims.
 * - `economicsState` (cost or saving changed): curves on a few hundred capacities and the optimum. O(n).
 * - `viewAt` (capacity or threshold moved): every KPI at k. O(log n + resamples log resamples), no re-sort.
 */
import {buildBacktest, type Arm, type Backtest, type BacktestClaim} from "./backtest.js";
import {randomArmCumulative, scoreBands, type Band} from "./bands.js";
import {
  bootstrapGrid,
  intervalAt,
  type BootstrapGrid,
  type BootstrapInterval,
  type BootstrapOptions
} from "./bootstrap.js";
import {thresholdForCapacity, clampCapacity} from "./capacity.js";
import {curves, type CurvePoint} from "./curves.js";
import {breakEvenPrecision, savingPerAbuseInForce, type Economics} from "./economics.js";
import {pointAt, type CapacityPoint} from "./metrics.js";
import {optimalCapacity, type Optimum} from "./optimum.js";
import {ruleArm, ruleAt, type RuleArm, type RuleAtCapacity} from "./rule.js";

/** The page's claim rows as columns (an Arrow table's children, or plain arrays in tests). */
export interface ClaimColumns {
  model_version: ArrayLike<string>;
  rank: ArrayLike<number>;
  score: ArrayLike<number>;
  year: ArrayLike<number>;
  abuse: ArrayLike<number>;
  saving_eur: ArrayLike<number>;
  arm: ArrayLike<string>;
}

/** The backtest claims of one model version ordered in [from, to]; `rank` (score then claim id) breaks ties. */
export function selectClaims(columns: ClaimColumns, model: string, from: number, to: number): BacktestClaim[] {
  const claims: BacktestClaim[] = [];
  const n = columns.score.length;
  for (let i = 0; i < n; i++) {
    if (columns.model_version[i] !== model) continue;
    const year = columns.year[i];
    if (year < from || year > to) continue;
    claims.push({
      score: columns.score[i],
      abuse: columns.abuse[i] === 1,
      saving: columns.saving_eur[i] || 0,
      arm: columns.arm[i] as Arm,
      key: columns.rank[i]
    });
  }
  return claims;
}

export interface Prepared {
  bt: Backtest;
  boot: BootstrapGrid;
  bands: Band[];
  randomCum: Float64Array;
  rule: RuleArm;
}

export function prepare(claims: readonly BacktestClaim[], bootstrap: BootstrapOptions = {}): Prepared {
  const bt = buildBacktest(claims);
  const bands = scoreBands(bt);
  return {bt, boot: bootstrapGrid(bt, bootstrap), bands, randomCum: randomArmCumulative(bt, bands), rule: ruleArm(bt)};
}

/** Random-arm claims in the bands up to and including each rank's band, by capacity k (index 0..n). */
export function randomClaimsCovered(prepared: Prepared): Int32Array {
  const covered = new Int32Array(prepared.bt.n + 1);
  let total = 0;
  for (const band of prepared.bands) {
    total += band.random_claims;
    for (let r = band.start; r < band.end; r++) covered[r + 1] = total;
  }
  return covered;
}

export interface EconomicsState {
  eco: Economics;
  curve: CurvePoint[];
  optimum: Optimum;
  savingPerAbuse: number;
  /** cost / saving per abuse. */
  breakEven: number;
}

export function economicsState(prepared: Prepared, eco: Economics): EconomicsState {
  const optimum = optimalCapacity(prepared.bt, eco);
  const savingPerAbuse = savingPerAbuseInForce(prepared.bt, eco);
  return {
    eco,
    curve: curves(prepared.bt, eco, 400, [optimum.k]),
    optimum,
    savingPerAbuse,
    breakEven: breakEvenPrecision(eco.costPerExpertise, savingPerAbuse)
  };
}

export interface ExplorerView {
  point: CapacityPoint;
  /** Score of the k-th claim (null at k = 0). */
  threshold: number | null;
  interval: BootstrapInterval;
  /** Abuses expected among k claims of these scores per the random arm; null where a band has no random claim. */
  randomEstimate: number | null;
  rule: RuleAtCapacity | null;
}

export function viewAt(prepared: Prepared, state: EconomicsState, requested: number): ExplorerView {
  const k = clampCapacity(prepared.bt, requested);
  const random = prepared.randomCum[k];
  return {
    point: pointAt(prepared.bt, requested, state.eco),
    threshold: thresholdForCapacity(prepared.bt, k),
    interval: intervalAt(prepared.boot, k, state.eco),
    randomEstimate: Number.isNaN(random) ? null : random,
    rule: ruleAt(prepared.rule, k, state.eco)
  };
}
