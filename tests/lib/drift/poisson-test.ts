import {describe, expect, it} from "vitest";
import {
  aeWithInterval,
  funnelLimits,
  garwoodInterval,
  poissonCdf,
  poissonQuantileInterpolated
} from "../../../src/lib/drift/poisson.ts";

describe("exact Poisson (Garwood) limits", () => {
  // Published exact 95% limits for a Poisson count (e.g. Ulm 1990, table; Sahai & Khurshid 1993).
  it("gives [0, 3.689] for zero events", () => {
    const [low, high] = garwoodInterval(0);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(3.689, 3);
  });
  it("gives [0.0253, 5.572] for one event", () => {
    const [low, high] = garwoodInterval(1);
    expect(low).toBeCloseTo(0.0253, 4);
    expect(high).toBeCloseTo(5.572, 3);
  });
  it("gives [1.6235, 11.668] for five events", () => {
    const [low, high] = garwoodInterval(5);
    expect(low).toBeCloseTo(1.6235, 4);
    expect(high).toBeCloseTo(11.668, 3);
  });
  it("gives [4.7954, 18.390] for ten events", () => {
    const [low, high] = garwoodInterval(10);
    expect(low).toBeCloseTo(4.7954, 3);
    expect(high).toBeCloseTo(18.39, 2);
  });
  it("widens to [0.0005, 7.4338] at the 99.8% level for one event", () => {
    // chi2(0.001, 2)/2 = -ln(0.999) (2 df is the exponential law); chi2(0.999, 4) = 18.467 in the table
    const [low, high] = garwoodInterval(1, 0.998);
    expect(low).toBeCloseTo(-Math.log(1 - 0.001), 6);
    expect(high).toBeCloseTo(18.467 / 2, 2);
  });
});

describe("A/E with its interval", () => {
  it("divides actual and the Garwood limits by the expected count", () => {
    // 5 claims where 2.5 were expected: A/E 2, interval [1.6235, 11.668] / 2.5
    const r = aeWithInterval(5, 2.5);
    expect(r.ae).toBe(2);
    expect(r.ae_low).toBeCloseTo(0.6494, 4);
    expect(r.ae_high).toBeCloseTo(4.6672, 3);
  });
  it("keeps a finite upper limit when no claim occurred", () => {
    const r = aeWithInterval(0, 4);
    expect(r.ae).toBe(0);
    expect(r.ae_low).toBe(0);
    expect(r.ae_high).toBeCloseTo(3.689 / 4, 3);
  });
  it("returns nulls when nothing was expected (zero exposure)", () => {
    expect(aeWithInterval(0, 0)).toEqual({ae: null, ae_low: null, ae_high: null});
    expect(aeWithInterval(2, 0)).toEqual({ae: null, ae_low: null, ae_high: null});
  });
});

describe("funnel limits", () => {
  it("uses the Poisson distribution function of a published table", () => {
    // Poisson(10): P(X<=15) = 0.9513, P(X<=16) = 0.9730, P(X<=17) = 0.9857 (standard cumulative table)
    expect(poissonCdf(15, 10)).toBeCloseTo(0.9513, 4);
    expect(poissonCdf(16, 10)).toBeCloseTo(0.973, 4);
    expect(poissonCdf(17, 10)).toBeCloseTo(0.9857, 4);
  });
  it("interpolates the 97.5% count limit for 10 expected as 17 - (0.9857 - 0.975) / (0.9857 - 0.9730)", () => {
    const byHand = 17 - (0.9857 - 0.975) / (0.9857 - 0.973);
    expect(poissonQuantileInterpolated(0.975, 10)).toBeCloseTo(byHand, 1);
    expect(funnelLimits(10).high95).toBeCloseTo(byHand / 10, 2);
  });
  it("narrows as the expected count grows and approaches 1 ± 3.09/√E at 99.8%", () => {
    const small = funnelLimits(5);
    const large = funnelLimits(10_000);
    expect(small.high998).toBeGreaterThan(large.high998);
    expect(large.high998).toBeCloseTo(1 + 3.09 / 100, 2);
    expect(large.low998).toBeCloseTo(1 - 3.09 / 100, 2);
    expect(large.high95).toBeCloseTo(1 + 1.96 / 100, 2);
  });
  it("never puts a lower limit below zero", () => {
    expect(funnelLimits(0.5).low998).toBe(0);
    expect(funnelLimits(0.5).low95).toBe(0);
  });
});
