import {describe, expect, it} from "vitest";
import {buildBacktest, type BacktestClaim} from "../../../src/lib/roi/backtest.ts";
import {bootstrapGrid, intervalAt, quantileSorted} from "../../../src/lib/roi/bootstrap.ts";
import {mulberry32} from "../../../src/lib/roi/prng.ts";
import {handWorked} from "../../roi/fixtures.ts";

const fixed = {costPerExpertise: 300, savingPerAbuse: 8000};

function claims(n: number, isAbuse: (i: number) => boolean): BacktestClaim[] {
  return Array.from({length: n}, (_, i) => ({
    key: i,
    score: 1 - i / n,
    abuse: isAbuse(i),
    saving: isAbuse(i) ? 8000 : 0,
    arm: "model" as const
  }));
}

describe("the seeded generator", () => {
  it("repeats the same sequence for the same seed and stays in [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({length: 1000}, () => a());
    expect(Array.from({length: 1000}, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("averages one half over many draws (uniform mean, standard error 0.0029 at 10,000 draws)", () => {
    const random = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += random();
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.01);
  });
});

describe("percentiles", () => {
  it("interpolate between order statistics like R type 7", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted([10], 0.95)).toBe(10);
  });
});

describe("bootstrap intervals", () => {
  it("are reproducible: same data and seed, same interval", () => {
    const bt = buildBacktest(claims(300, (i) => i % 4 === 0));
    const a = intervalAt(bootstrapGrid(bt, {seed: 11}), 120, fixed);
    const b = intervalAt(bootstrapGrid(bt, {seed: 11}), 120, fixed);
    expect(b).toEqual(a);
  });

  it("collapse to the point when every claim is an abuse", () => {
    const bt = buildBacktest(claims(50, () => true));
    const interval = intervalAt(bootstrapGrid(bt), 20, fixed);
    expect(interval.hits).toEqual({low: 20, high: 20});
    expect(interval.net_eur).toEqual({low: 20 * 7700, high: 20 * 7700});
  });

  it("collapse to zero hits and the bare cost when no claim is an abuse", () => {
    const bt = buildBacktest(claims(50, () => false));
    const interval = intervalAt(bootstrapGrid(bt), 20, fixed);
    expect(interval.hits).toEqual({low: 0, high: 0});
    expect(interval.net_eur).toEqual({low: -6000, high: -6000});
  });

  it("at k = n follow the binomial: 400 claims at 25% abuse give 100 +/- 1.645 x 8.66", () => {
    const bt = buildBacktest(claims(400, (i) => i % 4 === 1));
    const interval = intervalAt(bootstrapGrid(bt, {resamples: 2000}), 400, fixed);
    expect(interval.hits.low).toBeGreaterThan(85.75 - 2.5);
    expect(interval.hits.low).toBeLessThan(85.75 + 2.5);
    expect(interval.hits.high).toBeGreaterThan(114.25 - 2.5);
    expect(interval.hits.high).toBeLessThan(114.25 + 2.5);
    // Net savings move with hits: 8,000 EUR per abuse, minus the fixed 120,000 EUR cost.
    expect(interval.net_eur.low).toBeCloseTo(interval.hits.low * 8000 - 120_000, 6);
  });

  it("count an abuse ranked first among two claims in 3 resamples of 4 at k = 1", () => {
    // Resamples of {abuse, non-abuse}: (2,0) p=1/4, (1,1) p=1/2, (0,2) p=1/4. The top claim is an abuse unless (0,2).
    const bt = buildBacktest(claims(2, (i) => i === 0));
    const boot = bootstrapGrid(bt, {resamples: 4000});
    const g = boot.grid.indexOf(1);
    let mean = 0;
    for (let b = 0; b < boot.resamples; b++) mean += boot.hits[b * boot.grid.length + g] / boot.resamples;
    expect(mean).toBeGreaterThan(0.72);
    expect(mean).toBeLessThan(0.78);
  });

  it("use recorded savings per claim when no saving per abuse is given", () => {
    const bt = buildBacktest(handWorked);
    const interval = intervalAt(bootstrapGrid(bt, {resamples: 500}), 1, {costPerExpertise: 300, savingPerAbuse: null});
    // The top claim of a resample is A (8,000 EUR) unless A was not drawn, then B (0 EUR): net 7,700 or -300.
    expect(interval.net_eur.high).toBe(7700);
    expect(interval.net_eur.low).toBe(-300);
  });

  it("interpolate between grid capacities on a large backtest and stay exact on them", () => {
    const bt = buildBacktest(claims(10_000, (i) => i % 10 === 0));
    const boot = bootstrapGrid(bt, {resamples: 50, gridSize: 11});
    expect([...boot.grid]).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
    const atGrid = intervalAt(boot, 1000, fixed);
    const between = intervalAt(boot, 1500, fixed);
    const next = intervalAt(boot, 2000, fixed);
    expect(between.hits.low).toBeGreaterThanOrEqual(atGrid.hits.low);
    expect(between.hits.low).toBeLessThanOrEqual(next.hits.low);
    expect(intervalAt(boot, 20_000, fixed).k).toBe(10_000);
  });
});
