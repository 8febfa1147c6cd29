import {describe, expect, it} from "vitest";
import {buildBacktest} from "../../../src/lib/roi/backtest.ts";
import {bandBounds, randomArmCumulative, scoreBands} from "../../../src/lib/roi/bands.ts";
import {curvePoint, sampleCapacities} from "../../../src/lib/roi/curves.ts";
import {ruleArm, ruleAt} from "../../../src/lib/roi/rule.ts";
import {handWorked} from "../../roi/fixtures.ts";

const bt = buildBacktest(handWorked);

describe("score bands", () => {
  it("split like NTILE: 23 claims in 10 bands give three bands of 3 then seven of 2", () => {
    expect(bandBounds(23, 10)).toEqual([0, 3, 6, 9, 11, 13, 15, 17, 19, 21, 23]);
    expect(bandBounds(6, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6]);
  });

  it("give naive and random-arm precision side by side", () => {
    const bands = scoreBands(bt, 3);
    // Band 1 = A, B; band 2 = C, D; band 3 = E, F.
    expect(bands.map((b) => [b.claims, b.abuses, b.naive_precision])).toEqual([
      [2, 1, 0.5],
      [2, 1, 0.5],
      [2, 1, 0.5]
    ]);
    expect(bands.map((b) => [b.random_claims, b.random_abuses, b.random_precision])).toEqual([
      [0, 0, null],
      [1, 0, 0],
      [1, 1, 1]
    ]);
    expect(bands.map((b) => [b.rule_claims, b.rule_abuses])).toEqual([
      [1, 0],
      [1, 1],
      [1, 0]
    ]);
    expect(bands.map((b) => [b.max_score, b.min_score])).toEqual([
      [0.9, 0.8],
      [0.8, 0.5],
      [0.3, 0.1]
    ]);
  });

  it("accumulate the random-arm estimate claim by claim, undefined where a band has no random claim", () => {
    const bands = scoreBands(bt, 3);
    bands[0].random_precision = 0.25; // as if band 1 had a random arm hitting one claim in four
    const cum = randomArmCumulative(bt, bands);
    expect([...cum]).toEqual([0, 0.25, 0.5, 0.5, 0.5, 1.5, 2.5]);
    expect(Number.isNaN(randomArmCumulative(bt, scoreBands(bt, 3))[1])).toBe(true);
  });
});

describe("today's rule at the same number of expertises", () => {
  const rule = ruleArm(bt);

  it("has B, C and F: one abuse in three, 5,000 EUR recorded", () => {
    expect(rule).toEqual({claims: 3, abuses: 1, savings_eur: 5000, precision: 1 / 3});
  });

  it("scales to k = 3 with recorded savings: one abuse, 5,000 - 900 = 4,100 EUR net", () => {
    expect(ruleAt(rule, 3, {costPerExpertise: 300, savingPerAbuse: null})).toEqual({
      k: 3,
      hits: 1,
      savings_eur: 5000,
      cost_eur: 900,
      net_eur: 4100
    });
  });

  it("scales to k = 6 with 8,000 EUR per abuse: two abuses, 16,000 - 1,800 = 14,200 EUR net", () => {
    expect(ruleAt(rule, 6, {costPerExpertise: 300, savingPerAbuse: 8000})).toEqual({
      k: 6,
      hits: 2,
      savings_eur: 16000,
      cost_eur: 1800,
      net_eur: 14200
    });
  });

  it("is absent when no claim was chosen by the rule", () => {
    expect(ruleAt(ruleArm(buildBacktest([])), 3, {costPerExpertise: 300, savingPerAbuse: null})).toBeNull();
  });
});

describe("curves", () => {
  it("sample every capacity of a small backtest and evenly spaced ones of a large one", () => {
    expect(sampleCapacities(6, 400)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sampleCapacities(1000, 5)).toEqual([0, 250, 500, 750, 1000]);
    expect(sampleCapacities(1000, 5, [333])).toEqual([0, 250, 333, 500, 750, 1000]);
  });

  it("give gain, lift and net at a capacity", () => {
    expect(curvePoint(bt, 3, {costPerExpertise: 300, savingPerAbuse: null})).toMatchObject({
      k: 3,
      share: 0.5,
      net_eur: 12100
    });
    expect(curvePoint(bt, 3, {costPerExpertise: 300, savingPerAbuse: null}).recall).toBeCloseTo(2 / 3, 12);
    expect(curvePoint(bt, 3, {costPerExpertise: 300, savingPerAbuse: null}).lift).toBeCloseTo(4 / 3, 12);
    expect(curvePoint(bt, 0, {costPerExpertise: 300, savingPerAbuse: null}).lift).toBeNull();
  });
});
