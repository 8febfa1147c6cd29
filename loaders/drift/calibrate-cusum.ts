/**
 * Prints the false-alarm rate of the default Poisson CUSUM over 60 stable months for a range of monthly
 * expected counts, and the threshold h that would give 2% and 5%: the simulation behind CUSUM_DEFAULTS.
 * Run: npx tsx loaders/drift/calibrate-cusum.ts [replicates]
 */
import {CUSUM_DEFAULTS, poissonCusum} from "../../src/lib/drift/cusum.ts";
import {falseAlarmRate, poissonDraw, seededUniform} from "./simulate.ts";

const replicates = Number(process.argv[2] ?? 20_000);
const months = 60;
const grid = [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 50, 100, 200];

console.log(
  `gamma=${CUSUM_DEFAULTS.gamma} h=${CUSUM_DEFAULTS.h}, ${months} months, ${replicates} stable segments per row`
);
console.log("E/month  false-alarm  h(2%)  h(5%)");
for (const e of grid) {
  const rate = falseAlarmRate(e, months, replicates, (a, x) => poissonCusum(a, x));
  // Quantiles of the largest CUSUM value over the window give the threshold for a target rate.
  const uniform = seededUniform(7);
  const expected = new Array<number>(months).fill(e);
  const peaks: number[] = [];
  for (let i = 0; i < replicates; i++)
    peaks.push(
      poissonCusum(
        expected.map((m) => poissonDraw(m, uniform)),
        expected
      ).peak
    );
  peaks.sort((a, b) => a - b);
  const q = (p: number) => peaks[Math.floor(p * replicates)].toFixed(1);
  console.log(
    `${String(e).padStart(7)}  ${(rate * 100).toFixed(2).padStart(10)}%  ${q(0.98).padStart(5)}  ${q(0.95).padStart(5)}`
  );
}
