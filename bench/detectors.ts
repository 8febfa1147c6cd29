/**
 * Detector metrics at scale: one synthetic run of 1,000,000 predictions written to a temporary folder, then
 * timed through validation/staging (DuckDB read_csv and checks) and the metrics (one sort, running sums).
 * Both must stay linear-logarithmic: seconds, not minutes, per million predictions.
 * Run alone with `npx tsx bench/detectors.ts`, or through `npm run bench`.
 */
import {once} from "node:events";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {runMetrics} from "../loaders/detectors/metrics.ts";
import {stagePredictions} from "../loaders/detectors/predictions.ts";
import {readDetectorRuns} from "../loaders/detectors/runs.ts";
import {DuckDbEngine} from "../loaders/engine/duckdb.ts";

const ROWS = 1_000_000;

export async function benchDetectors(): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), "carnet-bench-detectors-"));
  try {
    const folder = join(root, "detector-runs", "bench-1m");
    mkdirSync(folder, {recursive: true});
    let t = performance.now();
    await writeRun(folder, ROWS);
    const generate = (performance.now() - t) / 1000;

    const engine = await DuckDbEngine.open();
    try {
      t = performance.now();
      const staged = await stagePredictions(engine, {
        folder,
        display: "detector-runs/bench-1m",
        table: "bench_run",
        threshold: 0.5
      });
      const stage = (performance.now() - t) / 1000;
      if (!staged.table || staged.accounting.rows_accepted !== ROWS)
        throw new Error(`bench run not fully accepted: ${JSON.stringify(staged.accounting)}`);
      t = performance.now();
      const metrics = await runMetrics(engine, staged.table, 0.5);
      const score = (performance.now() - t) / 1000;
      if (metrics.n !== ROWS || metrics.auc === null) throw new Error("bench metrics incomplete");

      t = performance.now();
      await readDetectorRuns(join(root, "detector-runs"));
      const whole = (performance.now() - t) / 1000;
      return {
        "detectors.write_1m_predictions_s": round(generate),
        "detectors.validate_and_stage_1m_s": round(stage),
        "detectors.metrics_1m_s": round(score),
        "detectors.read_folder_1m_s": round(whole),
        "detectors.rows": ROWS
      };
    } finally {
      await engine.close();
    }
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
}

/** A run where forged documents (10 %) score higher on average, scores to 6 decimals (hundreds of thousands of distinct thresholds, some ties). */
async function writeRun(folder: string, rows: number): Promise<void> {
  writeFileSync(
    join(folder, "manifest.json"),
    JSON.stringify({
      run_id: "bench-1m",
      detector: "copy-move",
      detector_version: "9.9.9",
      dataset: "Bench",
      dataset_version: "v1",
      threshold: 0.5,
      params: {},
      code_commit: "bench",
      started_at: "2026-01-01T00:00:00Z"
    })
  );
  const out = createWriteStream(join(folder, "predictions.csv"));
  out.write("document_id,label,score,decision\n");
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const label = random() < 0.1 ? 1 : 0;
    const score = Math.min(1, Math.max(0, (label ? 0.65 : 0.35) + (random() + random() + random() - 1.5) * 0.35));
    chunk.push(`doc${i},${label},${score.toFixed(6)},${i % 5 === 0 ? "" : score >= 0.5 ? 1 : 0}`);
    if (chunk.length === 50_000) {
      if (!out.write(chunk.join("\n") + "\n")) await once(out, "drain");
      chunk.length = 0;
    }
  }
  if (chunk.length) out.write(chunk.join("\n") + "\n");
  out.end();
  await once(out, "finish");
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchDetectors().then((result) => console.log(JSON.stringify(result, null, 2)));
}
