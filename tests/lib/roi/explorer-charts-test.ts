import {describe, expect, it} from "vitest";
import type {BacktestClaim} from "../../../src/lib/roi/backtest.ts";
import {explorerCurves} from "../../../src/lib/roi/explorer-charts.ts";
import {economicsState, prepare} from "../../../src/lib/roi/explorer-model.ts";

/** n claims, an abuse every fourth one (8,000 EUR each at 300 EUR an expertise); rule arm but every fifth. */
function curvesOf(n: number) {
  const claims: BacktestClaim[] = Array.from({length: n}, (_, i) => ({
    key: i + 1,
    score: 1 - i / n,
    abuse: i % 4 === 0,
    saving: i % 4 === 0 ? 8000 : 0,
    arm: i % 5 === 0 ? "random" : "rule"
  }));
  const prepared = prepare(claims, {resamples: 10});
  const state = economicsState(prepared, {costPerExpertise: 300, savingPerAbuse: 8000});
  return {prepared, state, curves: explorerCurves(prepared, state)};
}

describe("explorerCurves(prepared, state)", () => {
  it("draws gain from 0 to every abuse found, against the random-order diagonal", () => {
    const {curves} = curvesOf(40);
    expect(curves.gain.points[0]).toEqual({x: 0, y: 0});
    expect(curves.gain.points.at(-1)).toEqual({x: 40, y: 1});
    expect(curves.gain.references[0].points).toEqual([
      {x: 0, y: 0},
      {x: 40, y: 1}
    ]);
    expect(curves.gain.yPercent).toBe(true);
  });

  it("puts the break-even lift at the break-even precision over the base rate", () => {
    const {curves} = curvesOf(40);
    // 300 / 8,000 = 3.75% break-even precision; base rate 10 / 40 = 25%: lift 0.15.
    expect(curves.lift.rules.map((r) => r.label)).toEqual(["random order (lift 1)", "break-even (precision 3.75%)"]);
    expect(curves.lift.rules[1].y).toBeCloseTo(0.15, 12);
  });

  it("draws today's rule as k x (its hit rate x saving - cost) and marks the optimum", () => {
    const {prepared, state, curves} = curvesOf(40);
    const rate = prepared.rule.precision!;
    expect(curves.net.references[0].points[1]).toEqual({x: 40, y: 40 * (rate * 8000 - 300)});
    expect(curves.net.marks).toEqual([
      {x: state.optimum.k, y: state.optimum.net_eur, label: `optimum ${state.optimum.k}`}
    ]);
  });

  it("draws no curve, rule or optimum for a backtest of fewer than 11 claims", () => {
    const {curves} = curvesOf(8);
    expect(curves.gain.points).toEqual([]);
    expect(curves.lift.points).toEqual([]);
    expect(curves.net.points).toEqual([]);
    expect(curves.net.references).toEqual([]);
    expect(curves.net.marks).toEqual([]);
  });
});
