/**
 * Score deciles of the backtest and the selection-bias correction.
 *
 * Outcomes exist only for expertised claims, and most were chosen by today's rules or by the model itself, so the
 * precision measured on them ("naive") need not hold on the claims the model would pick next. The random control
 * arm was expertised regardless of score: within a score band, its hit rate is an unbiased estimate of the
 * precision on claims of that band. Bands are the deciles of the ranked backtest (decile 1 = highest scores),
 * split like SQL's NTILE(10): sizes differ by at most one, the larger ones first.
 */
import type {Backtest} from "./backtest.js";

const BAND_COUNT = 10;

export interface Band {
  /** 1 = highest scores. */
  band: number;
  /** Ranks [start, end) in the backtest. */
  start: number;
  end: number;
  claims: number;
  min_score: number | null;
  max_score: number | null;
  abuses: number;
  /** abuses / claims over all arms (biased by how claims were chosen). */
  naive_precision: number | null;
  random_claims: number;
  random_abuses: number;
  /** abuses / claims of the random arm only (unbiased, but on few claims); null without random claims. */
  random_precision: number | null;
  rule_claims: number;
  rule_abuses: number;
}

/** Band boundaries as NTILE(bandCount) computes them. */
export function bandBounds(n: number, bandCount = BAND_COUNT): number[] {
  const size = Math.floor(n / bandCount);
  const larger = n % bandCount;
  const bounds = [0];
  for (let b = 0; b < bandCount; b++) bounds.push(bounds[b] + size + (b < larger ? 1 : 0));
  return bounds;
}

export function scoreBands(bt: Backtest, bandCount = BAND_COUNT): Band[] {
  const bounds = bandBounds(bt.n, bandCount);
  const bands: Band[] = [];
  for (let b = 0; b < bandCount; b++) {
    const start = bounds[b];
    const end = bounds[b + 1];
    let randomClaims = 0;
    let randomAbuses = 0;
    let ruleClaims = 0;
    let ruleAbuses = 0;
    for (let r = start; r < end; r++) {
      if (bt.arm[r] === 2) {
        randomClaims++;
        randomAbuses += bt.abuse[r];
      } else if (bt.arm[r] === 0) {
        ruleClaims++;
        ruleAbuses += bt.abuse[r];
      }
    }
    const claims = end - start;
    const abuses = bt.cumHits[end] - bt.cumHits[start];
    bands.push({
      band: b + 1,
      start,
      end,
      claims,
      min_score: claims ? bt.scores[end - 1] : null,
      max_score: claims ? bt.scores[start] : null,
      abuses,
      naive_precision: claims ? abuses / claims : null,
      random_claims: randomClaims,
      random_abuses: randomAbuses,
      random_precision: randomClaims ? randomAbuses / randomClaims : null,
      rule_claims: ruleClaims,
      rule_abuses: ruleAbuses
    });
  }
  return bands;
}

/**
 * The random-arm estimate as a cumulative array: cum[k] = sum over the top k claims of their band's random-arm
 * precision, i.e. the abuses expected among k claims with these scores drawn from the open claims at large.
 * NaN from the first band without a random-arm claim on (no unbiased estimate there).
 */
export function randomArmCumulative(bt: Backtest, bands: readonly Band[]): Float64Array {
  const cum = new Float64Array(bt.n + 1);
  for (const band of bands) {
    const p = band.random_precision ?? NaN;
    for (let r = band.start; r < band.end; r++) cum[r + 1] = cum[r] + p;
  }
  return cum;
}
