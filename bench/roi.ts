/**
 * ROI explorer at scale: 100,000 synthetic scored claims. Times the once-per-load work (ranking, cumulative
 * arrays, bootstrap grid, deciles), the once-per-economics work (curves, optimum), and a slider update
 * (capacity lookup from a threshold + every KPI with its bootstrap interval + the chosen curve point), which
 * must stay far below one animation frame (16 ms). Then the same slider in Chromium on the built page
 * (bench/roi-browser.ts), when dist/ holds one.
 * Run alone with `npx tsx bench/roi.ts`, or through `npm run bench`.
 */
import {fileURLToPath} from "node:url";
import type {BacktestClaim} from "../src/lib/roi/backtest.ts";
import {capacityForThreshold} from "../src/lib/roi/capacity.ts";
import {curvePoint} from "../src/lib/roi/curves.ts";
import {economicsState, prepare, viewAt} from "../src/lib/roi/explorer-model.ts";
import {mulberry32} from "../src/lib/roi/prng.ts";
import {benchRoiBrowser} from "./roi-browser.ts";

const CLAIMS = 100_000;
const SLIDER_MOVES = 2_000;

export function syntheticClaims(n: number, seed = 1): BacktestClaim[] {
  const random = mulberry32(seed);
  const arms = ["rule", "model", "random"] as const;
  return Array.from({length: n}, (_, i) => {
    const score = Math.round(random() * 10_000) / 10_000; // 4 decimals, as delivered: many ties
    const abuse = random() < 0.02 + 0.2 * score * score;
    return {score, abuse, saving: abuse ? 2000 + random() * 12_000 : 0, arm: arms[Math.floor(random() * 3)], key: i};
  });
}

export async function benchRoi(): Promise<Record<string, number>> {
  const claims = syntheticClaims(CLAIMS);
  const eco = {costPerExpertise: 300, savingPerAbuse: null};

  let t = performance.now();
  const prepared = prepare(claims);
  const prepareMs = performance.now() - t;

  t = performance.now();
  const state = economicsState(prepared, eco);
  const economicsMs = performance.now() - t;

  // Slider moves over the whole range, as a person dragging the threshold would.
  const random = mulberry32(7);
  const times = new Float64Array(SLIDER_MOVES);
  let sink = 0;
  for (let i = 0; i < SLIDER_MOVES; i++) {
    const start = performance.now();
    const k = capacityForThreshold(prepared.bt, random());
    const view = viewAt(prepared, state, k);
    const point = curvePoint(prepared.bt, view.point.k, eco);
    times[i] = performance.now() - start;
    sink += view.point.net_eur + view.interval.hits.high + point.recall;
  }
  if (!Number.isFinite(sink)) throw new Error("bench produced a non-finite figure");
  times.sort();
  return {
    roi_claims: CLAIMS,
    roi_prepare_ms: round(prepareMs),
    roi_economics_change_ms: round(economicsMs),
    roi_slider_update_median_ms: round(times[Math.floor(SLIDER_MOVES / 2)]),
    roi_slider_update_p99_ms: round(times[Math.floor(SLIDER_MOVES * 0.99)]),
    ...(await benchRoiBrowser())
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchRoi().then((result) => console.log(JSON.stringify(result, null, 2)));
}
