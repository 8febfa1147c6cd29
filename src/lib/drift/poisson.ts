/**
 * Exact Poisson inference for actual-vs-expected ratios: the Garwood interval on a count, the A/E interval,
 * and funnel-plot control limits. Browser-safe: pages import it as "./shared/poisson.js".
 */
import {chiSquareQuantile, gammaQ} from "./gamma.js";

/** P(X <= r) for X ~ Poisson(mean); r an integer >= 0. */
export function poissonCdf(r: number, mean: number): number {
  if (r < 0) return 0;
  if (mean <= 0) return 1;
  return gammaQ(Math.floor(r) + 1, mean);
}

/**
 * Garwood's exact (1 - alpha) interval for a Poisson mean given an observed count x:
 * [chi2(alpha/2, 2x) / 2, chi2(1 - alpha/2, 2x + 2) / 2], with 0 as the lower limit when x = 0.
 * (Garwood 1936; the formula in Ulm 1990, "A simple method to calculate the confidence interval of a
 * standardized mortality ratio".)
 */
export function garwoodInterval(x: number, level = 0.95): [number, number] {
  if (!(x >= 0) || !Number.isInteger(x)) throw new RangeError(`garwoodInterval needs a count, got ${x}`);
  const alpha = 1 - level;
  const low = x === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * x) / 2;
  const high = chiSquareQuantile(1 - alpha / 2, 2 * x + 2) / 2;
  return [low, high];
}

export interface AeEstimate {
  /** actual / expected; null when nothing was expected (zero exposure). */
  ae: number | null;
  ae_low: number | null;
  ae_high: number | null;
}

/** A/E with its exact interval: the Garwood limits on the actual count divided by the expected count. */
export function aeWithInterval(actual: number, expected: number, level = 0.95): AeEstimate {
  if (!(expected > 0)) return {ae: null, ae_low: null, ae_high: null};
  const [low, high] = garwoodInterval(actual, level);
  return {ae: actual / expected, ae_low: low / expected, ae_high: high / expected};
}

/**
 * The p-quantile of the count under Poisson(expected), interpolated so that the limit is a smooth function
 * of `expected` (Spiegelhalter 2005, "Funnel plots for comparing institutional performance", Stat Med
 * 24:1185, section A.1.2): r is the smallest count with F(r) >= p, and the limit is
 * r - (F(r) - p) / (F(r) - F(r - 1)).
 */
export function poissonQuantileInterpolated(p: number, expected: number): number {
  if (!(expected > 0)) return 0;
  // Start near the normal approximation and walk to the exact quantile.
  let r = Math.max(0, Math.floor(expected + (p - 0.5) * 6 * Math.sqrt(expected)));
  while (r > 0 && poissonCdf(r - 1, expected) >= p) r--;
  while (poissonCdf(r, expected) < p) r++;
  const fr = poissonCdf(r, expected);
  const fr1 = poissonCdf(r - 1, expected);
  return r - (fr - p) / (fr - fr1);
}

export interface FunnelLimits {
  expected: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}

/** Funnel-plot limits on A/E for a segment with `expected` claims, if it ran at the reference rates. */
export function funnelLimits(expected: number): FunnelLimits {
  const at = (p: number) => Math.max(0, poissonQuantileInterpolated(p, expected)) / expected;
  return {expected, low95: at(0.025), high95: at(0.975), low998: at(0.001), high998: at(0.999)};
}
