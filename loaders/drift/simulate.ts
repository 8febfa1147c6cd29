/**
 * Seeded random numbers for simulations that justify defaults (CUSUM threshold) and for tests.
 * Not cryptographic; reproducible across runs and platforms.
 */
import {mulberry32} from "../../src/lib/roi/prng.ts";

/** mulberry32, the same seeded generator as the ROI bootstrap: uniforms in [0, 1). */
export const seededUniform: (seed: number) => () => number = mulberry32;

/** An exact Poisson draw by inversion of the distribution function (fine for means up to a few hundred). */
export function poissonDraw(mean: number, uniform: () => number): number {
  if (mean <= 0) return 0;
  const u = uniform();
  // Walk the CDF from the mode outwards would be faster; from 0 with log-space terms is simple and exact.
  let k = 0;
  let logTerm = -mean;
  let cdf = Math.exp(logTerm);
  while (cdf < u && k < mean + 50 * Math.sqrt(mean) + 50) {
    k++;
    logTerm += Math.log(mean / k);
    cdf += Math.exp(logTerm);
  }
  return k;
}

/** Share of simulated stable segments whose CUSUM signals within `months`, at a constant monthly expectation. */
export function falseAlarmRate(
  monthlyExpected: number,
  months: number,
  replicates: number,
  cusum: (actual: number[], expected: number[]) => {signal: number | null},
  seed = 1
): number {
  const uniform = seededUniform(seed);
  const expected = new Array<number>(months).fill(monthlyExpected);
  let alarms = 0;
  for (let i = 0; i < replicates; i++) {
    const actual = expected.map((e) => poissonDraw(e, uniform));
    if (cusum(actual, expected).signal !== null) alarms++;
  }
  return alarms / replicates;
}
