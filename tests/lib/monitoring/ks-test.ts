import {describe, expect, it} from "vitest";
import {ksTwoSample, type ValueCount} from "../../../src/lib/monitoring/ks.ts";

/** Value counts from parallel arrays. */
const counts = (values: number[], n: number[]): ValueCount[] => values.map((value, i) => ({value, count: n[i]}));

/**
 * Deterministic samples with many ties, built the same way in the test and in the Python that computed the expected
 * figures: K scores k/100, reference count (1 + 37k mod 11)·sr, current count (1 + 53k mod 13 + shift for k >= 0.6K)·sc.
 */
function samples(K: number, sr: number, sc: number, shift: number) {
  const reference: ValueCount[] = [];
  const current: ValueCount[] = [];
  for (let k = 0; k < K; k++) {
    reference.push({value: k / 100, count: (1 + ((k * 37) % 11)) * sr});
    current.push({value: k / 100, count: (1 + ((k * 53) % 13) + (k >= K * 0.6 ? shift : 0)) * sc});
  }
  return {reference, current};
}

describe("ksTwoSample(reference, current)", () => {
  it("evaluates both distribution functions after each distinct value, ties included, as worked by hand", () => {
    // reference 1, 1, 2, 3 (n = 4); current 2, 3, 3, 4, 4 (m = 5)
    // after 1: 2/4 - 0/5 = 0.5; after 2: 3/4 - 1/5 = 0.55; after 3: 4/4 - 3/5 = 0.4; after 4: 0  ->  D = 0.55 at 2
    // effective size round(4·5 / 9) = round(2.22) = 2, and n·D = 1.1 >= n - 1, so P(D_2 > 0.55) = 2 (1 - 0.55)² = 0.405
    // scipy 1.17.1: ks_2samp([1, 1, 2, 3], [2, 3, 3, 4, 4], method="asymp") -> statistic 0.55, pvalue 0.4049999999999999
    const r = ksTwoSample(counts([1, 2, 3], [2, 1, 1]), counts([2, 3, 4], [1, 2, 2]));
    expect(r.statistic).toBeCloseTo(0.55, 15);
    expect(r.pvalue).toBeCloseTo(2 * 0.45 ** 2, 14);
    expect(r.location).toBe(2);
    expect(r.n_reference).toBe(4);
    expect(r.n_current).toBe(5);
  });

  it("adds up rows of the same value and does not care about their order", () => {
    const a = ksTwoSample(counts([3, 1, 2, 1], [1, 1, 1, 1]), counts([4, 3, 2], [2, 2, 1]));
    const b = ksTwoSample(counts([1, 2, 3], [2, 1, 1]), counts([2, 3, 4], [1, 2, 2]));
    expect(a).toEqual(b);
  });

  it("gives the same statistic and p-value with the samples swapped", () => {
    const {reference, current} = samples(50, 1, 1, 1);
    const a = ksTwoSample(reference, current);
    const b = ksTwoSample(current, reference);
    expect(b.statistic).toBe(a.statistic);
    expect(b.pvalue).toBe(a.pvalue);
  });

  it("finds no gap between two samples of the same distribution", () => {
    const r = ksTwoSample(counts([0.1, 0.2, 0.3], [10, 20, 30]), counts([0.1, 0.2, 0.3], [1, 2, 3]));
    expect(r.statistic).toBe(0);
    expect(r.pvalue).toBe(1);
  });

  // scipy 1.17.1, numpy 2.4.6, with v, r, c built as in `samples` above:
  // res = scipy.stats.ks_2samp(np.repeat(v, r), np.repeat(v, c), method="asymp"); res.statistic, res.pvalue
  const scipy: [args: [number, number, number, number], n: [number, number], d: number, p: number, path: string][] = [
    [[10, 1, 1, 3], [58, 67], 0.2555326814204838, 0.028459606364454215, "n = 31: Pomeranz"],
    [[50, 1, 1, 1], [297, 359], 0.07473059283644246, 0.3070701733849356, "n = 163: Pelz-Good"],
    [[100, 1, 1, 3], [595, 802], 0.09978205746138857, 0.00204066878968162, "n = 342: 2 · Smirnov"],
    [[100, 1000, 1000, 0], [595000, 682000], 0.027193868749845973, 1.4083726740099837e-204, "n = 317,768: 2 · Smirnov"]
  ];
  for (const [[K, sr, sc, shift], [n, m], d, p, path] of scipy) {
    it(`matches scipy's ks_2samp(method="asymp") on ${n} vs ${m} tied scores (${path})`, () => {
      const {reference, current} = samples(K, sr, sc, shift);
      const r = ksTwoSample(reference, current);
      expect(r.n_reference).toBe(n);
      expect(r.n_current).toBe(m);
      // the same floating-point operations as scipy: the statistic to the last bit
      expect(r.statistic).toBe(d);
      expect(Math.abs(r.pvalue! - p)).toBeLessThanOrEqual(1e-10 * p);
    });
  }

  it("is null when a sample is empty", () => {
    const some = counts([0.1, 0.2], [3, 4]);
    expect(ksTwoSample([], some)).toEqual({
      statistic: null,
      pvalue: null,
      location: null,
      n_reference: 0,
      n_current: 7
    });
    expect(ksTwoSample(some, counts([0.5], [0]))).toMatchObject({statistic: null, pvalue: null, n_current: 0});
  });

  it("has no p-value for one claim against one, where scipy's effective size rounds to 0", () => {
    const r = ksTwoSample(counts([0.1], [1]), counts([0.2], [1]));
    expect(r.statistic).toBe(1);
    expect(r.pvalue).toBe(null);
  });

  it("refuses counts that are not whole numbers and values that are not finite", () => {
    expect(() => ksTwoSample(counts([0.1], [1.5]), counts([0.1], [1]))).toThrow(RangeError);
    expect(() => ksTwoSample(counts([0.1], [-1]), counts([0.1], [1]))).toThrow(RangeError);
    expect(() => ksTwoSample(counts([NaN], [1]), counts([0.1], [1]))).toThrow(RangeError);
  });
});
