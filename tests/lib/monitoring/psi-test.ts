import {describe, expect, it} from "vitest";
import {PSI_EMPTY_BIN_COUNT, PSI_THRESHOLDS, psi, psiLevel} from "../../../src/lib/monitoring/psi.ts";

describe("psi(reference, current)", () => {
  it("sums (c - r) ln(c / r) over the bins' shares, as worked by hand", () => {
    // reference 10, 20, 30, 40 of 100 -> 0.1, 0.2, 0.3, 0.4; current 20, 20, 30, 30 of 100 -> 0.2, 0.2, 0.3, 0.3
    // (0.2 - 0.1) ln 2 + 0 + 0 + (0.3 - 0.4) ln 0.75 = 0.0693147 + 0.0287682 = 0.0980829
    const r = psi([10, 20, 30, 40], [20, 20, 30, 30]);
    expect(r.psi).toBeCloseTo(0.1 * Math.log(2) - 0.1 * Math.log(0.75), 15);
    expect(r.psi).toBeCloseTo(0.0980829, 7);
    expect(r.bins.map((b) => b.reference_share)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(r.bins.map((b) => b.current_share)).toEqual([0.2, 0.2, 0.3, 0.3]);
    expect(r.bins[0].term).toBeCloseTo(0.1 * Math.log(2), 15);
    expect(r.bins[1].term).toBe(0);
  });

  it("is 0 for identical distributions, whatever the sample sizes", () => {
    expect(psi([1, 2, 3], [2, 4, 6]).psi).toBe(0);
    expect(psi([100, 100, 100, 100], [7, 7, 7, 7]).psi).toBe(0);
  });

  it("is Jeffreys' divergence KL(c‖r) + KL(r‖c), as scipy computes it", () => {
    // scipy 1.17.1, numpy 2.4.6:
    // r = np.array([1000]*10); c = np.array([870, 910, 950, 1010, 1040, 1060, 1050, 1020, 1000, 1090])
    // scipy.stats.entropy(c/c.sum(), r/r.sum()) + scipy.stats.entropy(r/r.sum(), c/c.sum()) -> 0.0044912714363336565
    const r = psi(Array(10).fill(1000), [870, 910, 950, 1010, 1040, 1060, 1050, 1020, 1000, 1090]);
    expect(r.psi).toBeCloseTo(0.0044912714363336565, 15);
  });

  it("adds half a claim to every bin of a sample with an empty bin, and only to that sample", () => {
    // current 0, 30, 30, 40 has an empty bin: 0.5, 30.5, 30.5, 40.5 of 102; the reference 25 x 4 is left alone
    // terms: (0.5/102 - 0.25) ln(0.5/102 / 0.25) = 0.963680, 2 x (30.5/102 - 0.25) ln(30.5/102 / 0.25) = 2 x 0.008777,
    // (40.5/102 - 0.25) ln(40.5/102 / 0.25) = 0.068033; total 1.049269
    expect(PSI_EMPTY_BIN_COUNT).toBe(0.5);
    const r = psi([25, 25, 25, 25], [0, 30, 30, 40]);
    expect(r.bins.map((b) => b.reference_share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(r.bins.map((b) => b.current_share)).toEqual([0.5 / 102, 30.5 / 102, 30.5 / 102, 40.5 / 102]);
    expect(r.bins[0].term).toBeCloseTo(0.96368, 5);
    expect(r.psi).toBeCloseTo(1.0492693721747028, 13);
    expect(Number.isFinite(r.psi)).toBe(true);
  });

  it("lets an empty bin weigh more in a larger sample, where it is stronger evidence", () => {
    // the same shares, ten times the claims: the empty bin's share falls from 0.5/102 to 0.5/1002
    const small = psi([25, 25, 25, 25], [0, 30, 30, 40]).psi!;
    const large = psi([25, 25, 25, 25], [0, 300, 300, 400]).psi!;
    expect(large).toBeCloseTo(1.6394597160816111, 13);
    expect(large).toBeGreaterThan(small);
  });

  it("applies the correction to the reference too when its bin is empty", () => {
    // reference 0, 50, 50 -> 0.5, 50.5, 50.5 of 101.5; current 10, 45, 45 of 100 untouched
    const r = psi([0, 50, 50], [10, 45, 45]);
    expect(r.bins[0].reference_share).toBe(0.5 / 101.5);
    expect(r.bins[0].current_share).toBe(0.1);
    expect(r.psi).toBeCloseTo(0.29577897643967593, 13);
  });

  it("is null when either sample is empty", () => {
    expect(psi([0, 0, 0], [1, 2, 3])).toEqual({psi: null, bins: []});
    expect(psi([1, 2, 3], [0, 0, 0])).toEqual({psi: null, bins: []});
    expect(psi([], [])).toEqual({psi: null, bins: []});
  });

  it("refuses bins that do not line up and negative counts", () => {
    expect(() => psi([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => psi([1, -2], [1, 2])).toThrow(RangeError);
    expect(() => psi([1, NaN], [1, 2])).toThrow(RangeError);
  });
});

describe("psiLevel(psi)", () => {
  it("reads below 0.1 as stable, from 0.1 as moderate and from 0.2 as significant", () => {
    expect(PSI_THRESHOLDS).toEqual({moderate: 0.1, significant: 0.2});
    expect(psiLevel(0)).toBe("stable");
    expect(psiLevel(0.0999)).toBe("stable");
    expect(psiLevel(0.1)).toBe("moderate");
    expect(psiLevel(0.1999)).toBe("moderate");
    expect(psiLevel(0.2)).toBe("significant");
    expect(psiLevel(3)).toBe("significant");
  });
  it("takes other thresholds, such as the 0.1 / 0.25 rule of thumb", () => {
    expect(psiLevel(0.22, {moderate: 0.1, significant: 0.25})).toBe("moderate");
  });
  it("is null when the index is", () => {
    expect(psiLevel(null)).toBe(null);
    expect(psiLevel(psi([], []).psi)).toBe(null);
  });
});
