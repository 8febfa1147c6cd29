import {describe, expect, it} from "vitest";
import {brier, calibrationLine, ece, type Outcome, reliability} from "../../../src/lib/monitoring/calibration.ts";

/** Claims in groups: `count` claims predicted at `p`, `positives` of them with outcome 1. */
function groups(rows: [p: number, count: number, positives: number][]) {
  const p: number[] = [];
  const y: Outcome[] = [];
  for (const [prob, count, positives] of rows) {
    for (let i = 0; i < count; i++) {
      p.push(prob);
      y.push(i < positives ? 1 : 0);
    }
  }
  return {p, y};
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

describe("brier(p, y)", () => {
  it("is the mean squared gap between prediction and outcome, as worked by hand", () => {
    // (0.1 - 0)² + (0.4 - 1)² + (0.8 - 1)² + (0.9 - 0)² = 0.01 + 0.36 + 0.04 + 0.81 = 1.22; / 4 = 0.305
    expect(brier([0.1, 0.4, 0.8, 0.9], [0, 1, 1, 0])).toBeCloseTo(0.305, 15);
  });
  it("is 0 for certain and right predictions, and null without claims", () => {
    expect(brier([0, 1], [0, 1])).toBe(0);
    expect(brier([], [])).toBe(null);
  });
  it("refuses predictions outside [0, 1] and outcomes other than 0 and 1", () => {
    expect(() => brier([1.2], [1])).toThrow(RangeError);
    expect(() => brier([0.2], [2 as Outcome])).toThrow(RangeError);
    expect(() => brier([0.2, 0.3], [1])).toThrow(RangeError);
  });
});

describe("reliability(p, y) and ece(p, y)", () => {
  // p 0.05 | 0.15, 0.12 | 0.35, 0.38 | 0.95 with outcomes 0 | 0, 1 | 1, 0 | 1 fall in bins 0, 1, 3 and 9 of 10
  const p = [0.05, 0.15, 0.12, 0.35, 0.38, 0.95];
  const y: Outcome[] = [0, 0, 1, 1, 0, 1];

  it("counts, averages and takes the observed rate per equal-width bin, with null for empty bins", () => {
    const table = reliability(p, y);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({count: 1, mean_predicted: 0.05, observed_rate: 0});
    expect(table[1].count).toBe(2);
    expect(table[1].mean_predicted).toBeCloseTo(0.135, 15);
    expect(table[1].observed_rate).toBe(0.5);
    expect(table[2]).toEqual({count: 0, mean_predicted: null, observed_rate: null});
    expect(table[3].mean_predicted).toBeCloseTo(0.365, 15);
    expect(table[9]).toEqual({count: 1, mean_predicted: 0.95, observed_rate: 1});
  });

  it("weighs each bin's gap by its share of the claims, as worked by hand", () => {
    // (1/6)|0.05 - 0| + (2/6)|0.135 - 0.5| + (2/6)|0.365 - 0.5| + (1/6)|0.95 - 1|
    //   = (0.05 + 0.73 + 0.27 + 0.05) / 6 = 1.1 / 6 = 0.183333
    expect(ece(p, y)).toBeCloseTo(1.1 / 6, 15);
  });

  it("puts a score on an edge in the bin below it, like scikit-learn's calibration_curve", () => {
    // sklearn 1.9.1: calibration_curve([0, 1, 1, 0, 1, 1], [0.0, 0.1, 0.3, 0.7, 1.0, 0.35], n_bins=10)
    //   -> prob_true [0.5, 1, 1, 0, 1], prob_pred [0.05, 0.3, 0.35, 0.7, 1.0]: 0.1 joins 0.0, and 0.3 and 0.35 part
    const table = reliability([0.0, 0.1, 0.3, 0.7, 1.0, 0.35], [0, 1, 1, 0, 1, 1]);
    const filled = table.filter((bin) => bin.count > 0);
    expect(filled.map((bin) => bin.observed_rate)).toEqual([0.5, 1, 1, 0, 1]);
    expect(filled.map((bin) => bin.mean_predicted)).toEqual([0.05, 0.3, 0.35, 0.7, 1.0]);
    expect(table[2].count).toBe(1); // 0.3 in (0.2, 0.3]
    expect(table[6].count).toBe(1); // 0.7 in (0.6, 0.7]
  });

  it("takes another number of bins", () => {
    const table = reliability(p, y, 4);
    expect(table.map((bin) => bin.count)).toEqual([3, 2, 0, 1]);
    // (3/6)|0.10667 - 1/3| + (2/6)|0.365 - 0.5| + (1/6)|0.95 - 1|
    expect(ece(p, y, 4)).toBeCloseTo((3 / 6) * Math.abs(0.32 / 3 - 1 / 3) + (2 / 6) * 0.135 + (1 / 6) * 0.05, 15);
  });

  it("is null without claims, and refuses a number of bins that is not a positive integer", () => {
    expect(ece([], [])).toBe(null);
    expect(reliability([], []).every((bin) => bin.count === 0 && bin.observed_rate === null)).toBe(true);
    expect(() => reliability(p, y, 0)).toThrow(RangeError);
    expect(() => ece(p, y, 2.5)).toThrow(RangeError);
  });
});

describe("calibrationLine(p, y)", () => {
  it("matches scikit-learn's unpenalised logistic regression of y on logit(p)", () => {
    // sklearn 1.9.1, numpy 2.4.6, with p and y below:
    // X = np.log(p / (1 - p)).reshape(-1, 1)
    // m = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-14, max_iter=1000).fit(X, y)
    // m.intercept_[0] -> 0.12821254217121714, m.coef_[0, 0] -> 1.0993776878710393
    // (scipy.optimize.minimize on the negative log-likelihood, BFGS, gives 0.12821253, 1.0993777 too.)
    const p = [
      0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.12,
      0.33, 0.67, 0.88, 0.02
    ];
    const y: Outcome[] = [0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0];
    const line = calibrationLine(p, y)!;
    expect(line.intercept).toBeCloseTo(0.12821254217121714, 9);
    expect(line.slope).toBeCloseTo(1.0993776878710393, 9);
  });

  it("gives slope 1 and intercept 0 on a perfectly calibrated sample", () => {
    // exactly 20% positives among claims predicted at 0.2, 50% at 0.5, 75% at 0.75: the score equations
    // Σ (y - p) = 0 and Σ (y - p) logit(p) = 0 hold at intercept 0, slope 1
    const {p, y} = groups([
      [0.2, 5, 1],
      [0.5, 2, 1],
      [0.75, 4, 3]
    ]);
    const line = calibrationLine(p, y)!;
    expect(Math.abs(line.slope - 1)).toBeLessThan(1e-8);
    expect(Math.abs(line.intercept)).toBeLessThan(1e-8);
  });

  it("gives slope 1/2 when the same sample is scored twice as far out on the logit scale", () => {
    // overconfident scores p' = σ(2 logit p): the fit on logit(p') = 2 logit(p) halves the slope
    const {p, y} = groups([
      [0.2, 5, 1],
      [0.5, 2, 1],
      [0.75, 4, 3]
    ]);
    const line = calibrationLine(
      p.map((v) => sigmoid(2 * logit(v))),
      y
    )!;
    expect(line.slope).toBeCloseTo(0.5, 8);
    expect(line.intercept).toBeCloseTo(0, 8);
  });

  it("is null with one class only", () => {
    expect(calibrationLine([0.2, 0.4, 0.6], [1, 1, 1])).toBe(null);
    expect(calibrationLine([0.2, 0.4, 0.6], [0, 0, 0])).toBe(null);
  });

  it("is null when every prediction is the same (no spread to fit a slope on)", () => {
    expect(calibrationLine([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 0])).toBe(null);
  });

  it("is null when the predictions separate the outcomes perfectly (no maximum)", () => {
    expect(calibrationLine([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(null);
  });

  it("reads a score of 0 or 1 as rounded, at the edge of its rounding interval: 0.00005 and 0.99995", () => {
    const y: Outcome[] = [0, 1, 0, 1, 1, 0];
    const rounded = calibrationLine([0, 0.3, 0.4, 0.6, 1, 0.7], y);
    expect(rounded).toEqual(calibrationLine([0.00005, 0.3, 0.4, 0.6, 0.99995, 0.7], y));
    expect(rounded).not.toBe(null);
    // scores with 2 decimals: 0 stands for [0, 0.005)
    expect(calibrationLine([0, 0.3, 0.4, 0.6, 1, 0.7], y, 0.01)).toEqual(
      calibrationLine([0.005, 0.3, 0.4, 0.6, 0.995, 0.7], y)
    );
  });

  it("refuses predictions outside [0, 1]", () => {
    expect(() => calibrationLine([-0.1, 0.5, 0.7], [0, 1, 1])).toThrow(RangeError);
    expect(() => calibrationLine([0.2, 0.5, 0.7], [0, 1, 1], 0)).toThrow(RangeError);
  });
});
