/**
 * Calibration of a model on decided claims: p the predicted probability of the outcome, y the outcome (0 or 1).
 * - `brier`: mean (p - y)² (Brier 1950, "Verification of forecasts expressed in terms of probability").
 * - `reliability`: the reliability diagram's table over equal-width bins of p, the bins of scikit-learn's
 *   `calibration_curve` with strategy="uniform" (which leaves empty bins out where this keeps them with null figures).
 * - `ece`: expected calibration error, Σ_b (n_b / N) |mean p_b - observed rate_b| (Naeini, Cooper & Hauskrecht 2015).
 * - `calibrationLine`: Cox's (1958) calibration intercept and slope, the maximum-likelihood logistic regression
 *   logit P(y = 1) = intercept + slope · logit(p), by Newton-Raphson (IRLS); slope 1 and intercept 0 when calibrated,
 *   slope < 1 when the predictions are too extreme (Van Calster et al. 2016, J Clin Epidemiol 74:167).
 * Browser-safe (no Node imports). Checked against scikit-learn's LogisticRegression in
 * tests/lib/monitoring/calibration-test.ts.
 */

export type Outcome = 0 | 1;

function check(name: string, p: readonly number[], y: readonly Outcome[]): void {
  if (p.length !== y.length) throw new RangeError(`${name}: ${p.length} predictions but ${y.length} outcomes`);
  for (const v of p) if (!(v >= 0 && v <= 1)) throw new RangeError(`${name}: predictions must be in [0, 1], got ${v}`);
  for (const v of y) if (v !== 0 && v !== 1) throw new RangeError(`${name}: outcomes must be 0 or 1, got ${v}`);
}

/** The Brier score, mean (p - y)²; null when there is no claim. */
export function brier(p: readonly number[], y: readonly Outcome[]): number | null {
  check("brier", p, y);
  if (p.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += (p[i] - y[i]) ** 2;
  return sum / p.length;
}

/** Bin i of `bins` covers (i/bins, (i+1)/bins], bin 0 [0, 1/bins]. */
export interface ReliabilityBin {
  count: number;
  /** Mean p in the bin; null when the bin is empty. */
  mean_predicted: number | null;
  /** Share of positive outcomes in the bin; null when the bin is empty. */
  observed_rate: number | null;
}

function checkBins(bins: number): void {
  if (!(bins >= 1) || !Number.isInteger(bins)) throw new RangeError(`bins must be a positive integer, got ${bins}`);
}

/**
 * The bin of p among `bins` equal-width bins (i/bins, (i+1)/bins], the first one [0, 1/bins]: a p on an edge goes to
 * the bin below it, as in scikit-learn's `calibration_curve` (np.searchsorted on the inner edges). That matters here:
 * scores have 4 decimals, so 0.3000 is a common score. The edges are i/bins exactly, so p·bins is only a first guess,
 * corrected when rounding put it on the wrong side of an edge. (scikit-learn's edges come from np.linspace, which for
 * some bin counts other than 10 differs from i/bins in the last digit.)
 */
function binOf(p: number, bins: number): number {
  let i = Math.max(0, Math.min(bins - 1, Math.ceil(p * bins) - 1));
  if (i < bins - 1 && p > (i + 1) / bins) i++;
  if (i > 0 && p <= i / bins) i--;
  return i;
}

/** The reliability table: `bins` equal-width bins on [0, 1], each with its count, mean prediction and observed rate. */
export function reliability(p: readonly number[], y: readonly Outcome[], bins = 10): ReliabilityBin[] {
  check("reliability", p, y);
  checkBins(bins);
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const positives = new Array<number>(bins).fill(0);
  for (let i = 0; i < p.length; i++) {
    const b = binOf(p[i], bins);
    count[b]++;
    sumP[b] += p[i];
    positives[b] += y[i];
  }
  return count.map((n, b) => ({
    count: n,
    mean_predicted: n > 0 ? sumP[b] / n : null,
    observed_rate: n > 0 ? positives[b] / n : null
  }));
}

/** Expected calibration error over `bins` equal-width bins (empty bins weigh nothing); null when there is no claim. */
export function ece(p: readonly number[], y: readonly Outcome[], bins = 10): number | null {
  const table = reliability(p, y, bins);
  if (p.length === 0) return null;
  let sum = 0;
  for (const bin of table) {
    if (bin.count > 0) sum += (bin.count / p.length) * Math.abs(bin.mean_predicted! - bin.observed_rate!);
  }
  return sum;
}

export interface CalibrationLine {
  intercept: number;
  slope: number;
}

/** Newton steps stop when neither coefficient moves by more than this. */
const TOLERANCE = 1e-10;
/** Newton converges in a handful of steps; still moving after this many means the likelihood has no maximum. */
const MAX_ITERATIONS = 100;

/** log σ(t) = -log(1 + e^-t), written so neither branch overflows. */
function logSigmoid(t: number): number {
  return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
}

function logLikelihood(x: Float64Array, y: readonly Outcome[], a: number, b: number): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const eta = a + b * x[i];
    ll += y[i] === 1 ? logSigmoid(eta) : logSigmoid(-eta);
  }
  return ll;
}

/**
 * The calibration intercept and slope: maximum-likelihood fit of logit P(y = 1) = intercept + slope · logit(p).
 * A p of exactly 0 or 1 has no logit: it is read as a score rounded to `resolution` (scores have 4 decimals) and taken
 * at the edge of its rounding interval, resolution/2 or 1 - resolution/2 (0.00005, 0.99995). null when the fit is
 * undefined: one class only, no spread in p, or no maximum (the outcomes are perfectly separated by p, and the
 * coefficients run off to infinity).
 */
export function calibrationLine(
  p: readonly number[],
  y: readonly Outcome[],
  resolution = 1e-4
): CalibrationLine | null {
  check("calibrationLine", p, y);
  if (!(resolution > 0 && resolution < 1)) throw new RangeError(`resolution must be in (0, 1), got ${resolution}`);
  const n = p.length;
  let positives = 0;
  for (const v of y) positives += v;
  if (positives === 0 || positives === n) return null;
  const x = Float64Array.from(p, (v) => {
    const q = v === 0 ? resolution / 2 : v === 1 ? 1 - resolution / 2 : v;
    return Math.log(q / (1 - q));
  });
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min === max) return null;

  // Start from the intercept-only model (its maximum-likelihood intercept is logit of the observed rate, slope 0).
  let a = Math.log(positives / (n - positives));
  let b = 0;
  let ll = logLikelihood(x, y, a, b);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // Score vector g and information matrix [[h00, h01], [h01, h11]] of the logistic log-likelihood.
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const mu = 1 / (1 + Math.exp(-(a + b * x[i])));
      const w = mu * (1 - mu);
      const r = y[i] - mu;
      g0 += r;
      g1 += r * x[i];
      h00 += w;
      h01 += w * x[i];
      h11 += w * x[i] * x[i];
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0) || !Number.isFinite(det)) return null;
    const newtonA = (h11 * g0 - h01 * g1) / det;
    const newtonB = (h00 * g1 - h01 * g0) / det;
    let da = newtonA;
    let db = newtonB;
    // Halve the step while it lowers the likelihood (it rarely does: the log-likelihood is concave). The slack
    // absorbs rounding near the maximum, where the change is at the last digits.
    let next = logLikelihood(x, y, a + da, b + db);
    for (let halvings = 0; halvings < 50 && !(next >= ll - 1e-12 * (1 + Math.abs(ll))); halvings++) {
      da /= 2;
      db /= 2;
      next = logLikelihood(x, y, a + da, b + db);
    }
    a += da;
    b += db;
    ll = next;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    // Judge convergence on the full Newton step, so that a step shortened by halving does not pass for convergence.
    if (Math.abs(newtonA) < TOLERANCE && Math.abs(newtonB) < TOLERANCE) return {intercept: a, slope: b};
  }
  return null;
}
