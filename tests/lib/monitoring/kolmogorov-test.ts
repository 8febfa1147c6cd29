import {describe, expect, it} from "vitest";
import {kolmogorovSf} from "../../../src/lib/monitoring/kolmogorov.ts";

/** |actual - expected| within `rel` of expected (and a floor for values that are 0). */
function expectRelative(actual: number, expected: number, rel: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-300);
}

describe("kolmogorovSf(n, d), the tail of the one-sample KS statistic", () => {
  it("is the uniform law on [1/2, 1] for one observation", () => {
    // D_1 = max(U, 1 - U) with U uniform: P(D_1 > d) = 2 (1 - d) on [1/2, 1], 1 below.
    expect(kolmogorovSf(1, 0.3)).toBe(1);
    expect(kolmogorovSf(1, 0.75)).toBeCloseTo(0.5, 15);
    expect(kolmogorovSf(1, 1)).toBe(0);
  });

  it("follows Ruben & Gambino's closed forms at both ends of the support", () => {
    // n·d <= 1: P(D_n <= d) = n!/n^n (2nd - 1)^n; n = 5, d = 0.15: 120/3125 · 0.5^5 = 0.0012
    expect(kolmogorovSf(5, 0.15)).toBeCloseTo(1 - 0.0012, 15);
    // d >= 1 - 1/n: P(D_n > d) = 2 (1 - d)^n; n = 5, d = 0.9: 2 · 0.1^5
    expect(kolmogorovSf(5, 0.9)).toBeCloseTo(2e-5, 15);
    // below 1/2n the statistic cannot fall
    expect(kolmogorovSf(5, 0.09)).toBe(1);
  });

  // scipy 1.17.1: `python -c "from scipy.stats import kstwo; print(repr(float(kstwo.sf(d, n))))"` for each (n, d),
  // one or two per method of Simard & L'Ecuyer's choice (named by the branch scipy's _kolmogn takes).
  const scipy: [n: number, d: number, sf: number, method: string][] = [
    [5, 0.3, 0.664, "Durbin matrix"],
    [10, 0.2, 0.7487190399999999, "Durbin matrix"],
    [40, 0.1, 0.7818109707182903, "Durbin matrix"],
    [40, 0.25, 0.01089552086854928, "Pomeranz"],
    [100, 0.2, 0.0005551927327988775, "Pomeranz"],
    [100, 0.6, 5.912822156396238e-35, "2 · Smirnov, d >= 1/2"],
    [500, 0.01, 0.9999999991073389, "Durbin matrix, n > 140"],
    [500, 0.02, 0.9859871786857471, "Pelz-Good"],
    [500, 0.05, 0.15866260223815387, "Pelz-Good"],
    [500, 0.1, 8.342293067263533e-5, "2 · Smirnov"],
    [20000, 0.0015, 0.999999999980361, "Durbin matrix, n > 140"],
    [20000, 0.005, 0.6974088406327613, "Pelz-Good"],
    [20000, 0.012, 0.006251252284121751, "2 · Smirnov"],
    [200000, 0.001, 0.9881500208855729, "Pelz-Good"],
    [200000, 0.004, 0.003314212822560255, "2 · Smirnov"],
    [1000000, 0.002, 0.0006700277103670718, "2 · Smirnov, a million terms"],
    [2000000, 0.002, 2.247704493692889e-7, "2 · Smirnov, scipy's approximation above n = 10^6"]
  ];
  for (const [n, d, sf, method] of scipy) {
    it(`matches scipy's kstwo.sf(${d}, ${n}) = ${sf} (${method})`, () => {
      expectRelative(kolmogorovSf(n, d), sf, 1e-10);
    });
  }

  it("approaches Kolmogorov's limit Q(λ) = 2 Σ (-1)^(k-1) exp(-2k²λ²) at d = λ/√n for large n", () => {
    const q = (lambda: number) => {
      let s = 0;
      for (let k = 1; k <= 100; k++) s += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda * lambda);
      return s;
    };
    // Q(1.358) = 0.05, the textbook 5% critical value; the finite-n correction is of order 1/√n.
    expect(q(1.358)).toBeCloseTo(0.05, 3);
    const n = 1_000_000;
    expectRelative(kolmogorovSf(n, 1.358 / Math.sqrt(n)), q(1.358), 2e-3);
  });

  it("refuses a sample size that is not a positive integer", () => {
    expect(() => kolmogorovSf(0, 0.1)).toThrow(RangeError);
    expect(() => kolmogorovSf(2.5, 0.1)).toThrow(RangeError);
  });
});
