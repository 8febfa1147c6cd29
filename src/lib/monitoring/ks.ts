/**
 * Two-sample Kolmogorov-Smirnov test of a score's distribution, reference period against current period, from value
 * counts (scores have 4 decimals, so the loaders send `GROUP BY score` counts rather than the claims). Computes what
 * `scipy.stats.ks_2samp(reference, current, method="asymp")` computes: the same statistic, and its p-value from the
 * Kolmogorov distribution at the effective size round(n·m / (n + m)) (see ./kolmogorov.ts). Browser-safe.
 */
import {kolmogorovSf} from "./kolmogorov.js";

export interface ValueCount {
  value: number;
  /** How many claims have this value: an integer >= 0. A value may appear in several rows; they are added up. */
  count: number;
}

export interface KsTwoSample {
  /** max over x of |F_reference(x) - F_current(x)|, the empirical distribution functions; null if a sample is empty. */
  statistic: number | null;
  /**
   * Asymptotic two-sided p-value, scipy's `kstwo.sf(statistic, round(n·m / (n + m)))` (rounding half to even, as
   * numpy does). null when a sample is empty, or when that effective size rounds to 0 (one claim on each side), where
   * scipy returns NaN. With ties (few distinct scores) the test is conservative: the true p-value is smaller.
   */
  pvalue: number | null;
  /** The smallest score at which the gap between the two distribution functions is largest; null with the statistic. */
  location: number | null;
  n_reference: number;
  n_current: number;
}

/** Sorted distinct values and their counts, duplicates added up; checks the counts. */
function tally(name: string, rows: readonly ValueCount[]): {values: number[]; counts: number[]; total: number} {
  for (const {value, count} of rows) {
    if (!Number.isFinite(value)) throw new RangeError(`ksTwoSample: ${name} has a value that is not finite: ${value}`);
    if (!(count >= 0) || !Number.isInteger(count)) {
      throw new RangeError(`ksTwoSample: ${name} counts must be integers >= 0, got ${count}`);
    }
  }
  const sorted = [...rows].sort((a, b) => a.value - b.value);
  const values: number[] = [];
  const counts: number[] = [];
  let total = 0;
  for (const {value, count} of sorted) {
    if (count === 0) continue;
    if (values.length > 0 && values[values.length - 1] === value) counts[counts.length - 1] += count;
    else {
      values.push(value);
      counts.push(count);
    }
    total += count;
  }
  return {values, counts, total};
}

/** numpy's round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The two-sample KS statistic and asymptotic p-value of `current` against `reference`, each given as value counts.
 * Ties are handled by evaluating both distribution functions after each distinct value, as scipy does.
 */
export function ksTwoSample(reference: readonly ValueCount[], current: readonly ValueCount[]): KsTwoSample {
  const r = tally("reference", reference);
  const c = tally("current", current);
  const n_reference = r.total;
  const n_current = c.total;
  if (n_reference === 0 || n_current === 0) {
    return {statistic: null, pvalue: null, location: null, n_reference, n_current};
  }
  // Walk the union of the distinct values in order, both cumulative counts after each one.
  let i = 0;
  let j = 0;
  let cumR = 0;
  let cumC = 0;
  let statistic = 0;
  let location = Math.min(r.values[0], c.values[0]);
  while (i < r.values.length || j < c.values.length) {
    const x = Math.min(i < r.values.length ? r.values[i] : Infinity, j < c.values.length ? c.values[j] : Infinity);
    if (i < r.values.length && r.values[i] === x) cumR += r.counts[i++];
    if (j < c.values.length && c.values[j] === x) cumC += c.counts[j++];
    // The same floating-point operations as scipy's cdf1 - cdf2, so the statistic matches it to the last bit.
    const gap = Math.abs(cumR / n_reference - cumC / n_current);
    if (gap > statistic) {
      statistic = gap;
      location = x;
    }
  }
  const [m, n] = n_reference >= n_current ? [n_reference, n_current] : [n_current, n_reference];
  const effective = roundHalfEven((m * n) / (m + n));
  const pvalue = effective >= 1 ? kolmogorovSf(effective, statistic) : null;
  return {statistic, pvalue, location, n_reference, n_current};
}
