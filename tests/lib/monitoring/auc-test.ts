import {describe, expect, it} from "vitest";
import {aucDeLong, type Label, pairedDeLong} from "../../../src/lib/monitoring/auc.ts";

const Z975 = 1.959963984540054;
const labels = (s: string) => s.split("").map(Number) as Label[];

/** Claims expanded from counts per rating category 1..k: each category's rating repeated `count` times. */
function fromCategories(negatives: number[], positives: number[]) {
  const scores: number[] = [];
  const y: Label[] = [];
  const add = (counts: number[], label: Label) =>
    counts.forEach((count, k) => {
      for (let i = 0; i < count; i++) {
        scores.push(k + 1);
        y.push(label);
      }
    });
  add(negatives, 0);
  add(positives, 1);
  return {scores, y};
}

/**
 * pROC's aSAH data set (R package pROC 1.19.0.1, data/aSAH.RData; Turck et al. 2010): 113 patients after aneurysmal
 * subarachnoid haemorrhage, outcome Poor = 1 / Good = 0, and three predictors: the WFNS grade (1-5), S100B and NDKA.
 * Exported with `load("aSAH.RData"); write.csv(data.frame(outcome = as.integer(aSAH$outcome == "Poor"),
 * wfns = as.integer(aSAH$wfns), s100b = aSAH$s100b, ndka = aSAH$ndka))`.
 */
const aSAH = {
  outcome: labels(
    "00001101001011001011101000000000100110110000000001100010001010011101101111000110100000010000000000001111110001000"
  ),
  wfns: "11113254125255125225211112121134214541425511241125521251222151125214524414121421232421451154221113125225552445111"
    .split("")
    .map(Number),
  s100b: [
    0.13, 0.14, 0.1, 0.04, 0.13, 0.1, 0.47, 0.16, 0.18, 0.1, 0.12, 0.1, 0.44, 0.71, 0.04, 0.08, 0.49, 0.04, 0.07, 0.33,
    0.09, 0.09, 0.07, 0.11, 0.07, 0.17, 0.07, 0.11, 0.13, 0.19, 0.05, 0.16, 0.41, 0.14, 0.34, 0.35, 0.48, 0.09, 0.96,
    0.25, 0.5, 0.46, 0.16, 0.07, 0.43, 0.45, 0.11, 0.08, 0.09, 0.86, 0.52, 0.08, 0.06, 0.13, 2.07, 0.1, 0.14, 0.15,
    0.07, 0.06, 0.77, 0.05, 0.09, 0.3, 0.03, 0.09, 0.04, 0.23, 0.7, 0.09, 0.27, 0.71, 0.08, 0.26, 0.08, 0.16, 0.09,
    0.13, 0.1, 0.08, 0.11, 0.33, 0.11, 0.28, 0.07, 0.1, 0.32, 0.22, 0.07, 0.05, 0.24, 0.38, 0.1, 0.15, 0.08, 0.14, 0.1,
    0.07, 0.04, 0.19, 0.56, 0.14, 0.58, 0.32, 0.82, 0.74, 0.15, 0.47, 0.17, 0.44, 0.15, 0.5, 0.48
  ],
  ndka: [
    3.01, 8.54, 8.09, 10.42, 17.4, 12.75, 6, 13.2, 15.54, 6.01, 15.96, 17.86, 5.18, 8.9, 13.41, 20.75, 11.6, 16.11,
    32.37, 54.82, 32.41, 49.94, 40.34, 9.47, 6.29, 12.53, 6.54, 6.3, 80.3, 12.8, 9.8, 9.81, 9.85, 18.21, 5.03, 14.04,
    21.93, 8.02, 7.42, 8.38, 6.59, 9.63, 13.12, 7.96, 14.34, 41.43, 7.63, 7.06, 12.59, 13.56, 3.87, 9.44, 7.66, 12.98,
    419.19, 27.19, 22.27, 9.95, 21.22, 11.73, 10.4, 58.83, 6.39, 11.09, 12.22, 13.67, 17.21, 22.63, 12.9, 9.7, 21.57,
    8.23, 72.57, 15.54, 10.51, 10.6, 14.57, 5.19, 9.63, 4.61, 21.48, 17.3, 12.71, 9.44, 11.07, 19.46, 10.83, 5.37,
    11.97, 7.75, 9.83, 10.55, 28.49, 8.53, 12.57, 12.9, 46.83, 11.68, 12.67, 9.01, 9.57, 34.06, 11.72, 14.26, 47.61,
    11.67, 24.58, 10.33, 13.87, 15.89, 22.43, 6.79, 13.45
  ]
};

describe("aucDeLong(scores, labels)", () => {
  it("computes the structural components of a small sample with ties, as worked by hand", () => {
    // positives 0.9, 0.5, 0.3 (m = 3); negatives 0.5, 0.3, 0.1, 0.1 (n = 4); a tie counts 1/2
    // V10: 0.9 beats 4 -> 4/4 = 1; 0.5 beats 3 and ties 1 -> 3.5/4 = 7/8; 0.3 beats 2 and ties 1 -> 2.5/4 = 5/8
    // AUC = (1 + 7/8 + 5/8) / 3 = 5/6
    // V01: 0.5 is beaten by 1, tied with 1 -> 1.5/3 = 1/2; 0.3 -> 2.5/3 = 5/6; 0.1, 0.1 -> 3/3 = 1 (mean 5/6 too)
    // S10 = [(1/6)² + (1/24)² + (-5/24)²] / 2 = (42/576) / 2 = 21/576
    // S01 = [(-1/3)² + 0² + (1/6)² + (1/6)²] / 3 = (6/36) / 3 = 1/18
    // Var = S10/m + S01/n = 21/1728 + 1/72 = 45/1728 = 5/192
    const r = aucDeLong([0.9, 0.5, 0.3, 0.5, 0.3, 0.1, 0.1], [1, 1, 1, 0, 0, 0, 0]);
    expect(r.auc).toBeCloseTo(5 / 6, 15);
    expect(r.variance).toBeCloseTo(5 / 192, 15);
    expect(r.low).toBeCloseTo(5 / 6 - Z975 * Math.sqrt(5 / 192), 12);
    expect(r.high).toBe(1); // 5/6 + 0.316 is clipped
    expect(r.n_positive).toBe(3);
    expect(r.n_negative).toBe(4);
  });

  it("gives 0.75 on scikit-learn's documented example of sklearn.metrics.auc", () => {
    // sklearn 1.9.1 docstring: y = [1, 1, 2, 2], scores [0.1, 0.4, 0.35, 0.8], pos_label=2 -> auc(fpr, tpr) = 0.75
    expect(aucDeLong([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).auc).toBe(0.75);
  });

  it("reproduces Hanley & McNeil's 0.8932 on their CT ratings, with DeLong's variance derived by hand", () => {
    // Hanley & McNeil 1982 (Radiology 143:29): 109 CT images rated 1-5 (definitely normal .. definitely abnormal),
    // normals 33, 6, 6, 11, 2 and abnormals 3, 2, 2, 11, 33 per rating; their area (the Wilcoxon statistic) is 0.8932.
    // V10 per abnormal, rating 1..5 = (normals rated lower + half those rated the same) / 58
    //   = 16.5/58, 36/58, 42/58, 50.5/58, 57/58; AUC = (3·16.5 + 2·36 + 2·42 + 11·50.5 + 33·57) / (51·58) = 2642/2958
    // V01 per normal = (abnormals rated higher + half the same) / 51 = 49.5/51, 47/51, 45/51, 38.5/51, 16.5/51
    // S10 = Σ count (V10 - AUC)² / 50, S01 = Σ count (V01 - AUC)² / 57, Var = S10/51 + S01/58 = 17089/18102960
    // (exact fractions, Python's fractions.Fraction), standard error 0.030724.
    const {scores, y} = fromCategories([33, 6, 6, 11, 2], [3, 2, 2, 11, 33]);
    const r = aucDeLong(scores, y);
    expect(r.auc).toBeCloseTo(2642 / 2958, 15);
    expect(r.auc).toBeCloseTo(0.8932, 4);
    expect(r.variance).toBeCloseTo(17089 / 18102960, 15);
    expect(Math.sqrt(r.variance!)).toBeCloseTo(0.030724, 6);
  });

  it("matches pROC's tested variances and interval on its aSAH data", () => {
    // pROC 1.19.0.1 tests/testthat/test-var.R: var(roc(aSAH$outcome, aSAH$wfns)) = 0.00146991470882363,
    // ndka 0.0031908105493913, s100b 0.00266868245717244; test-ci.auc.R: ci.auc(roc(aSAH$outcome, aSAH$ndka)) =
    // 0.501244999271703, 0.611957994579946, 0.722670989888189 (DeLong, 95%)
    const wfns = aucDeLong(aSAH.wfns, aSAH.outcome);
    const ndka = aucDeLong(aSAH.ndka, aSAH.outcome);
    const s100b = aucDeLong(aSAH.s100b, aSAH.outcome);
    expect(wfns.n_positive).toBe(41);
    expect(wfns.n_negative).toBe(72);
    expect(wfns.variance).toBeCloseTo(0.00146991470882363, 15);
    expect(ndka.variance).toBeCloseTo(0.0031908105493913, 15);
    expect(s100b.variance).toBeCloseTo(0.00266868245717244, 15);
    expect(ndka.low).toBeCloseTo(0.501244999271703, 13);
    expect(ndka.auc).toBeCloseTo(0.611957994579946, 14);
    expect(ndka.high).toBeCloseTo(0.722670989888189, 13);
  });

  it("depends on the scores' order only", () => {
    const a = aucDeLong(aSAH.ndka, aSAH.outcome);
    const b = aucDeLong(
      aSAH.ndka.map((x) => Math.log(x)),
      aSAH.outcome
    );
    expect(b).toEqual(a);
  });

  it("narrows the interval at a lower level: ± 1.2816 standard errors at 80%", () => {
    const r95 = aucDeLong(aSAH.s100b, aSAH.outcome);
    const r80 = aucDeLong(aSAH.s100b, aSAH.outcome, 0.8);
    expect(r80.low).toBeGreaterThan(r95.low!);
    // qnorm(0.9) = 1.2815515655446004
    expect(r80.high! - r80.low!).toBeCloseTo(2 * 1.2815515655446004 * Math.sqrt(r95.variance!), 12);
  });

  it("gives 0.5 when every score is tied", () => {
    const r = aucDeLong([0.3, 0.3, 0.3, 0.3, 0.3], [1, 0, 1, 0, 0]);
    expect(r.auc).toBe(0.5);
    expect(r.variance).toBe(0);
    expect([r.low, r.high]).toEqual([0.5, 0.5]);
  });

  it("has no figures when a class is empty", () => {
    expect(aucDeLong([0.1, 0.2], [1, 1])).toEqual({
      auc: null,
      variance: null,
      low: null,
      high: null,
      n_positive: 2,
      n_negative: 0
    });
    expect(aucDeLong([], []).auc).toBe(null);
  });

  it("has an AUC but no variance with a single claim in a class", () => {
    const r = aucDeLong([0.9, 0.2, 0.4], [1, 0, 0]);
    expect(r.auc).toBe(1);
    expect([r.variance, r.low, r.high]).toEqual([null, null, null]);
  });

  it("refuses labels other than 0 and 1, and arrays of different lengths", () => {
    expect(() => aucDeLong([0.1, 0.2], [1, 2 as Label])).toThrow(RangeError);
    expect(() => aucDeLong([0.1, 0.2], [1])).toThrow(RangeError);
    expect(() => aucDeLong([0.1, NaN], [1, 0])).toThrow(RangeError);
    expect(() => aucDeLong([0.1, 0.2], [1, 0], 1)).toThrow(RangeError);
  });
});

describe("pairedDeLong(a, b, labels)", () => {
  // pROC 1.19.0.1 tests/testthat/test-roc.test.R, roc.test(r1, r2) with the defaults (DeLong, paired, two-sided):
  const pROC: [a: keyof typeof aSAH, b: keyof typeof aSAH, z: number, p: number][] = [
    ["wfns", "s100b", 2.20898359144091, 0.0271757822291882],
    ["wfns", "ndka", 2.79777591868904, 0.00514557970691098],
    ["ndka", "s100b", -1.39077002573558, 0.164295175223054]
  ];
  for (const [a, b, z, p] of pROC) {
    it(`matches pROC's roc.test of ${a} against ${b} on aSAH: z = ${z}, p = ${p}`, () => {
      const r = pairedDeLong(aSAH[a] as number[], aSAH[b] as number[], aSAH.outcome);
      expect(r.z).toBeCloseTo(z, 12);
      expect(r.pvalue).toBeCloseTo(p, 14);
      expect(r.difference).toBeCloseTo(r.auc_a! - r.auc_b!, 15);
    });
  }

  it("has the variance behind pROC's interval for the difference of wfns and s100b", () => {
    // test-roc.test.R: t1$conf.int = 0.0104061769564846, 0.174214419249478 (difference ± 1.96 √variance)
    const r = pairedDeLong(aSAH.wfns, aSAH.s100b, aSAH.outcome);
    expect(r.difference! - Z975 * Math.sqrt(r.variance!)).toBeCloseTo(0.0104061769564846, 13);
    expect(r.difference! + Z975 * Math.sqrt(r.variance!)).toBeCloseTo(0.174214419249478, 13);
  });

  it("is smaller than the two variances added up when the two models rank the claims alike", () => {
    const va = aucDeLong(aSAH.wfns, aSAH.outcome).variance!;
    const vb = aucDeLong(aSAH.s100b, aSAH.outcome).variance!;
    const paired = pairedDeLong(aSAH.wfns, aSAH.s100b, aSAH.outcome).variance!;
    // Var(A - B) = Var(A) + Var(B) - 2 Cov(A, B), and the two scores' AUCs covary positively
    expect(paired).toBeLessThan(va + vb);
  });

  it("changes the sign of z, not the p-value, when the models are swapped", () => {
    const ab = pairedDeLong(aSAH.wfns, aSAH.ndka, aSAH.outcome);
    const ba = pairedDeLong(aSAH.ndka, aSAH.wfns, aSAH.outcome);
    expect(ba.z).toBeCloseTo(-ab.z!, 14);
    expect(ba.pvalue).toBeCloseTo(ab.pvalue!, 15);
  });

  it("has no z for the same scores twice: the difference and its variance are both 0", () => {
    const r = pairedDeLong(aSAH.ndka, aSAH.ndka, aSAH.outcome);
    expect(r.difference).toBe(0);
    expect(r.variance).toBe(0);
    expect([r.z, r.pvalue]).toEqual([null, null]);
  });

  it("has no figures when a class is empty", () => {
    const r = pairedDeLong([0.1, 0.2], [0.3, 0.1], [0, 0]);
    expect([r.auc_a, r.auc_b, r.difference, r.variance, r.z, r.pvalue]).toEqual([null, null, null, null, null, null]);
  });

  it("refuses scores that do not line up with the labels", () => {
    expect(() => pairedDeLong([0.1, 0.2], [0.1], [0, 1])).toThrow(RangeError);
  });
});
