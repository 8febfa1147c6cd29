/**
 * The headless ROI report (`carnet roi`): figures at the requested capacities (or a default grid) and the
 * optimum, from the same shared math the page uses.
 */
import {buildBacktest} from "../../src/lib/roi/backtest.ts";
import {breakEvenPrecision, savingPerAbuseInForce, type Economics} from "../../src/lib/roi/economics.ts";
import {pointAt, type CapacityPoint} from "../../src/lib/roi/metrics.ts";
import {optimalCapacity, type Optimum} from "../../src/lib/roi/optimum.ts";
import type {Engine} from "../engine/engine.ts";
import {loadScoredClaims, resolveModel, toBacktestClaims} from "./scored-claims.ts";

export interface RoiReportOptions {
  model?: string;
  from?: number;
  to?: number;
  economics: Economics;
  /** Capacities to report; none = every tenth of the backtest plus the optimum. */
  capacities?: readonly number[];
}

export interface RoiReport {
  model_version: string;
  claims: number;
  abuses: number;
  base_rate: number;
  break_even_precision: number;
  rows: CapacityPoint[];
  best: Optimum;
}

export function defaultCapacities(n: number, best: number): number[] {
  const ks = new Set<number>([best]);
  for (let i = 1; i <= 10; i++) ks.add(Math.round((i * n) / 10));
  return [...ks].filter((k) => k > 0 || n === 0).sort((a, b) => a - b);
}

export async function roiReport(engine: Engine, options: RoiReportOptions): Promise<RoiReport> {
  const model = await resolveModel(engine, options.model);
  const rows = await loadScoredClaims(engine, {model, from: options.from, to: options.to});
  const bt = buildBacktest(toBacktestClaims(rows));
  const best = optimalCapacity(bt, options.economics);
  const capacities = options.capacities?.length ? options.capacities : defaultCapacities(bt.n, best.k);
  return {
    model_version: model,
    claims: bt.n,
    abuses: bt.totalHits,
    base_rate: bt.baseRate,
    break_even_precision: breakEvenPrecision(
      options.economics.costPerExpertise,
      savingPerAbuseInForce(bt, options.economics)
    ),
    rows: capacities.map((k) => pointAt(bt, k, options.economics)),
    best
  };
}
