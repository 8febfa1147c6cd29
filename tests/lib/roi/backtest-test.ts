import {describe, expect, it} from "vitest";
import {buildBacktest} from "../../../src/lib/roi/backtest.ts";
import {capacityForThreshold, thresholdForCapacity} from "../../../src/lib/roi/capacity.ts";
import {breakEvenPrecision, savingPerAbuseInForce} from "../../../src/lib/roi/economics.ts";
import {pointAt} from "../../../src/lib/roi/metrics.ts";
import {optimalCapacity} from "../../../src/lib/roi/optimum.ts";
import {businessBaseline, handWorked} from "../../roi/fixtures.ts";

const recorded = {costPerExpertise: 300, savingPerAbuse: null};

describe("the backtest ranking", () => {
  it("ranks claims by score descending and breaks equal scores by claim id", () => {
    const bt = buildBacktest(handWorked);
    expect([...bt.scores]).toEqual([0.9, 0.8, 0.8, 0.5, 0.3, 0.1]);
    // B (not an abuse) comes before C (an abuse) at the tied score 0.8.
    expect([...bt.abuse]).toEqual([1, 0, 1, 0, 1, 0]);
    expect([...bt.cumHits]).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([...bt.cumSavings]).toEqual([0, 8000, 8000, 13000, 13000, 20000, 20000]);
    expect(bt.baseRate).toBe(0.5);
  });

  it("gives the same arrays whatever the input order", () => {
    const a = buildBacktest(handWorked);
    const b = buildBacktest([...handWorked].reverse());
    expect([...b.cumHits]).toEqual([...a.cumHits]);
    expect([...b.cumSavings]).toEqual([...a.cumSavings]);
  });

  it("handles an empty backtest without dividing by zero", () => {
    const p = pointAt(buildBacktest([]), 10, recorded);
    expect(p).toMatchObject({k: 0, requested_k: 10, hits: 0, precision: 0, recall: 0, lift: 0, net_eur: 0, roi: 0});
  });
});

describe("figures at a capacity, against the hand-worked table", () => {
  const bt = buildBacktest(handWorked);

  it("top 1: one abuse saving 8,000 EUR for one 300 EUR expertise", () => {
    expect(pointAt(bt, 1, recorded)).toEqual({
      k: 1,
      requested_k: 1,
      hits: 1,
      precision: 1,
      recall: 1 / 3,
      lift: 2,
      savings_eur: 8000,
      cost_eur: 300,
      net_eur: 7700,
      roi: 7700 / 300
    });
  });

  it("top 2 takes the tied non-abuse B first, so precision drops to one half", () => {
    expect(pointAt(bt, 2, recorded)).toMatchObject({
      hits: 1,
      precision: 0.5,
      lift: 1,
      savings_eur: 8000,
      cost_eur: 600,
      net_eur: 7400
    });
  });

  it("top 3: two abuses, 13,000 EUR saved, 900 EUR spent", () => {
    const p = pointAt(bt, 3, recorded);
    expect(p.hits).toBe(2);
    expect(p.precision).toBeCloseTo(2 / 3, 12);
    expect(p.recall).toBeCloseTo(2 / 3, 12);
    expect(p.lift).toBeCloseTo(4 / 3, 12);
    expect(p.net_eur).toBe(12100);
    expect(p.roi).toBeCloseTo(12100 / 900, 12);
  });

  it("a capacity larger than the scored set stops at the 6 claims there are", () => {
    expect(pointAt(bt, 10, recorded)).toEqual({
      k: 6,
      requested_k: 10,
      hits: 3,
      precision: 0.5,
      recall: 1,
      lift: 1,
      savings_eur: 20000,
      cost_eur: 1800,
      net_eur: 18200,
      roi: 18200 / 1800
    });
  });

  it("a saving-per-abuse override replaces the recorded savings by hits x saving", () => {
    expect(pointAt(bt, 3, {costPerExpertise: 300, savingPerAbuse: 1000})).toMatchObject({
      savings_eur: 2000,
      net_eur: 1100
    });
  });

  it("capacity 0 orders nothing and costs nothing", () => {
    expect(pointAt(bt, 0, recorded)).toMatchObject({k: 0, hits: 0, precision: 0, cost_eur: 0, net_eur: 0, roi: 0});
  });
});

describe("optimal capacity", () => {
  const bt = buildBacktest(handWorked);

  it("is 5 with recorded savings (net 18,500 EUR)", () => {
    expect(optimalCapacity(bt, recorded)).toEqual({k: 5, net_eur: 18500});
  });

  it("is 5 with 1,000 EUR per abuse (net 1,500 EUR: 700, 400, 1100, 800, 1500, 1200 over k = 1..6)", () => {
    expect(optimalCapacity(bt, {costPerExpertise: 300, savingPerAbuse: 1000})).toEqual({k: 5, net_eur: 1500});
  });

  it("is 1 when an expertise costs 5,000 EUR against 8,000 EUR per abuse", () => {
    expect(optimalCapacity(bt, {costPerExpertise: 5000, savingPerAbuse: 8000})).toEqual({k: 1, net_eur: 3000});
  });

  it("is 0 when no expertise can pay for itself", () => {
    expect(optimalCapacity(bt, {costPerExpertise: 9000, savingPerAbuse: 8000})).toEqual({k: 0, net_eur: 0});
  });
});

describe("the business baseline of 2016", () => {
  const bt = buildBacktest(businessBaseline());

  it("1,600 expertises, 100 abuses, 8,000 / 300 EUR give 320,000 EUR net", () => {
    const p = pointAt(bt, 1600, {costPerExpertise: 300, savingPerAbuse: 8000});
    expect(p).toMatchObject({hits: 100, precision: 0.0625, savings_eur: 800_000, cost_eur: 480_000, net_eur: 320_000});
    expect(p.roi).toBeCloseTo(2 / 3, 12);
  });

  it("recorded savings of 8,000 EUR per abuse give the same net", () => {
    expect(pointAt(bt, 1600, recorded).net_eur).toBe(320_000);
    expect(savingPerAbuseInForce(bt, recorded)).toBe(8000);
  });

  it("break-even precision is 300 / 8,000 = 3.75%", () => {
    expect(breakEvenPrecision(300, 8000)).toBe(0.0375);
    expect(breakEvenPrecision(300, 0)).toBe(Infinity);
  });
});

describe("capacity and score threshold are linked", () => {
  const bt = buildBacktest(handWorked);

  it("a threshold selects every claim scored at or above it", () => {
    expect(capacityForThreshold(bt, 0.95)).toBe(0);
    expect(capacityForThreshold(bt, 0.9)).toBe(1);
    expect(capacityForThreshold(bt, 0.85)).toBe(1);
    expect(capacityForThreshold(bt, 0.8)).toBe(3);
    expect(capacityForThreshold(bt, 0)).toBe(6);
  });

  it("a capacity reads as the score of its last claim", () => {
    expect(thresholdForCapacity(bt, 0)).toBeNull();
    expect(thresholdForCapacity(bt, 1)).toBe(0.9);
    expect(thresholdForCapacity(bt, 2)).toBe(0.8);
    expect(thresholdForCapacity(bt, 99)).toBe(0.1);
  });
});
