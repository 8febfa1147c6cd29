/**
 * One-sided Poisson CUSUM for monthly claim counts against a varying expected count
 * (Lucas 1985, "Counted data CUSUM's", Technometrics 27:129, risk-adjusted as in Rogerson & Yamada 2004).
 * Browser-safe: pages import it as "./shared/cusum.js".
 *
 * Written in claim units:  S_0 = 0,  S_t = max(0, S_{t-1} + A_t - k * E_t),  signal when S_t > h.
 *  - A_t actual claims in month t, E_t the claims expected at the reference rates.
 *  - k = (gamma - 1) / ln(gamma) is the log-likelihood-ratio allowance for detecting a frequency
 *    `gamma` times the reference (gamma = 1.5: a 50% rise; k = 1.2332).
 *  - h = 16 claims. Chosen by simulation (loaders/drift/calibrate-cusum.ts, checked by
 *    tests/drift/cusum-test.ts): for stable Poisson segments (A/E truly 1) the chance of any signal within
 *    60 months is at most about 2% at every monthly expected count from 0.02 to 200 (2.05% at the worst,
 *    near 20-30 claims a month; tiny segments almost never signal and are left to the funnel plot), which leaves room under the 5% false-alarm budget for the noise of estimated reference rates.
 * The onset of a signalled drift is the change-point estimate of Page (1954): the month after the CUSUM
 * last stood at zero before the signal.
 */

export interface CusumOptions {
  /** The frequency ratio the chart is tuned to detect; default 1.5. */
  gamma?: number;
  /** The decision threshold in claims; default 16. */
  h?: number;
}

export const CUSUM_DEFAULTS = {gamma: 1.5, h: 16} as const;

export interface CusumResult {
  /** The CUSUM path S_t, one value per month. */
  s: number[];
  /** Index of the first month with S_t > h, or null. */
  signal: number | null;
  /** Estimated first month of the drift: after the last zero before the signal (or before the peak). */
  onset: number | null;
  /** Largest S_t over the series. */
  peak: number;
  k: number;
  h: number;
}

export function cusumAllowance(gamma: number): number {
  if (!(gamma > 1)) throw new RangeError(`CUSUM gamma must be > 1, got ${gamma}`);
  return (gamma - 1) / Math.log(gamma);
}

export function poissonCusum(
  actual: readonly number[],
  expected: readonly number[],
  options: CusumOptions = {}
): CusumResult {
  if (actual.length !== expected.length) throw new RangeError("poissonCusum: actual and expected differ in length");
  const k = cusumAllowance(options.gamma ?? CUSUM_DEFAULTS.gamma);
  const h = options.h ?? CUSUM_DEFAULTS.h;
  const s: number[] = [];
  let current = 0;
  let signal: number | null = null;
  let lastZero = -1;
  let lastZeroBeforeSignal = -1;
  let peak = 0;
  let peakAt = -1;
  let lastZeroBeforePeak = -1;
  for (let t = 0; t < actual.length; t++) {
    current = Math.max(0, current + (actual[t] || 0) - k * (expected[t] || 0));
    s.push(current);
    if (current === 0) lastZero = t;
    if (current > peak) {
      peak = current;
      peakAt = t;
      lastZeroBeforePeak = lastZero;
    }
    if (signal === null && current > h) {
      signal = t;
      lastZeroBeforeSignal = lastZero;
    }
  }
  const onset = signal !== null ? lastZeroBeforeSignal + 1 : peakAt >= 0 ? lastZeroBeforePeak + 1 : null;
  return {s, signal, onset, peak, k, h};
}
