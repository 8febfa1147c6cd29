import {describe, expect, it} from "vitest";
import {chiSquareQuantile, gammaP, gammaQ, inverseGammaP, lnGamma} from "../../../src/lib/drift/gamma.ts";

describe("gamma functions", () => {
  it("lnGamma matches ln of known factorials and Γ(1/2) = √π", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it("P(1, x) is the exponential distribution function 1 - e^-x", () => {
    for (const x of [0.01, 0.5, 1, 3, 20]) expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
  });

  it("Q(n, x) for integer n is the Poisson probability of fewer than n events", () => {
    // Q(3, 2) = e^-2 (1 + 2 + 2) = 5 e^-2
    expect(gammaQ(3, 2)).toBeCloseTo(5 * Math.exp(-2), 12);
    expect(gammaP(3, 2) + gammaQ(3, 2)).toBeCloseTo(1, 14);
  });

  it("inverseGammaP undoes gammaP across small and large shapes", () => {
    for (const a of [0.3, 1, 2.5, 10, 40, 200]) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) expect(gammaP(a, inverseGammaP(p, a))).toBeCloseTo(p, 10);
    }
  });
});

describe("chi-square quantiles against a published table", () => {
  // Values from the standard chi-square table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
  const table: [p: number, df: number, value: number][] = [
    [0.025, 2, 0.0506],
    [0.975, 2, 7.378],
    [0.025, 20, 9.591],
    [0.975, 20, 34.17],
    [0.05, 1, 0.00393],
    [0.999, 1, 10.828],
    [0.95, 10, 18.307],
    [0.001, 10, 1.479],
    [0.99, 100, 135.807]
  ];
  for (const [p, df, value] of table) {
    it(`chi2(${p}, ${df}) = ${value}`, () => {
      const got = chiSquareQuantile(p, df);
      // The table rounds to 3 decimals or 4 significant digits.
      expect(Math.abs(got - value)).toBeLessThan(Math.max(0.0006, value * 0.0001));
    });
  }
});
