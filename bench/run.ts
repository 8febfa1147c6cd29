/**
 * `npm run bench`: measures Carnet at growing scale on this machine and prints a Markdown report
 * (paste it into bench/RESULTS.md). Never used as a test: timings vary with the machine.
 *
 *   npm run bench -- [--scales 1,100,420]  (scale 420 ≈ 10M claims) [--skip-areas] [--skip-product] [--skip-proxy]
 *
 * For each scale: generate the synthetic extract (kept under bench/out/ for reuse), stage it (validation +
 * pseudonymisation, cold cache), run the drift-shaped aggregation through the loaders (warm cache) and the same
 * aggregation as one plain DuckDB statement over the CSV files, each in its own process for its peak RSS.
 * With the clickhouse engine (default when /usr/sbin/clickhouse-server exists), the 2-shard loopback cluster
 * (scripts/clickhouse/cluster.ts) is started once; at each scale the folder is ingested (timed apart) and the same
 * aggregation runs pushed down to the cluster: client time and RSS, plus the servers' resident memory.
 * Then the per-area benchmarks (drift drill-down, ROI slider, detector metrics) when they exist.
 */
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from "node:fs";
import {cpus, totalmem, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {SERVER, shards, startCluster, stopCluster} from "../scripts/clickhouse/cluster.ts";
import {benchProduct} from "./product.ts";

const root = resolve(import.meta.dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");
const {values} = parseArgs({
  options: {
    scales: {type: "string", default: "1,100,420"},
    "skip-areas": {type: "boolean"},
    "skip-product": {type: "boolean"},
    // The page-sized proxy aggregate and the engine column (stages the delivery a second time).
    "skip-proxy": {type: "boolean"},
    engines: {type: "string", default: "duckdb,clickhouse"}
  }
});
const scales = values.scales!.split(",").map(Number);
const withClickHouse = values.engines!.split(",").includes("clickhouse") && existsSync(SERVER);
const clusterDir = join(root, "bench/out/clickhouse");
const clickhouseEnv = {
  CARNET_BENCH_CLICKHOUSE: `clickhouse://127.0.0.1:${shards[0].http}/carnet_bench`,
  CARNET_BENCH_SHARDS: shards.map((s) => `127.0.0.1:${s.http}`).join(","),
  CARNET_BENCH_PIDS: shards.map((_, i) => join(clusterDir, `shard${i + 1}`, "pid")).join(",")
};

interface Measure {
  seconds: number;
  peak_rss_mb: number;
  [key: string]: number;
}

function child(task: string, dir: string, env: Record<string, string> = {}): Measure {
  const out = execFileSync(tsx, [join(root, "bench/child.ts"), task, dir], {
    cwd: root,
    env: {...process.env, CARNET_PSEUDONYM_KEY: "bench-key", ...env},
    encoding: "utf8",
    maxBuffer: 1 << 26,
    stdio: ["ignore", "pipe", "inherit"]
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

function generate(scale: number): {dir: string; seconds: number | null; claims: number} {
  const dir = join(root, "bench/out", `scale-${scale}`);
  let seconds: number | null = null;
  if (!existsSync(join(dir, "truth.json"))) {
    const start = performance.now();
    const result = spawnSync(
      tsx,
      [join(root, "loaders/cli/carnet.ts"), "generate", "--out", dir, "--scale", String(scale)],
      {cwd: root, stdio: ["ignore", "ignore", "inherit"]}
    );
    if (result.status !== 0) throw new Error(`generate --scale ${scale} failed`);
    seconds = (performance.now() - start) / 1000;
  }
  const lines = Number(
    execFileSync("wc", ["-l", join(dir, "claims.csv")], {encoding: "utf8"})
      .trim()
      .split(/\s+/)[0]
  );
  return {dir, seconds, claims: lines - 1};
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const rows: string[] = [];
const engineRows: string[] = [];
const productRows: string[] = [];
const loaderRows: string[] = [];
const pageRows: string[] = [];
const browserRows: string[] = [];
const clusterRows: string[] = [];
const mb = (m: {peak_rss_mb: number}) => fmt(m.peak_rss_mb, 0);
const ok = (m: {seconds: number; status: number | null; last_error: string}) =>
  m.status === 0 ? fmt(m.seconds, 1) : `failed after ${fmt(m.seconds, 1)} (${m.last_error.slice(0, 80)})`;
process.stderr.write(`bench: scales ${scales.join(", ")}\n`);
if (withClickHouse) await startCluster(clusterDir);
for (const scale of scales) {
  const data = generate(scale);
  if (!values["skip-product"]) {
    process.stderr.write(`bench: scale ${scale}: the product, step by step\n`);
    const run = benchProduct(
      root,
      data.dir,
      withClickHouse
        ? {url: clickhouseEnv.CARNET_BENCH_CLICKHOUSE, shards: clickhouseEnv.CARNET_BENCH_SHARDS}
        : undefined
    );
    const b = run.browser;
    browserRows.push(
      `| ${scale} | ${b.browser_first_chart_ms ?? "–"} | ${b.browser_drilldown_median_ms ?? "–"} | ${b.browser_drilldown_max_ms ?? "–"} | ${b.browser_drilldown_segments ?? "–"} |`
    );
    if (run.clickhouse)
      clusterRows.push(
        `| ${scale} | ${ok(run.clickhouse.ingest)} | ${mb(run.clickhouse.ingest)} | ${ok(run.clickhouse.prepare)} | ${mb(run.clickhouse.prepare)} | ${ok(run.prepare)} | ${mb(run.prepare)} |`
      );
    const slowest = [...run.loaders].sort((a, b) => b.seconds - a.seconds)[0];
    const largest = Math.max(
      ...run.loaders.map((l) => l.peak_rss_mb),
      run.staging.peak_rss_mb,
      run.prepare.peak_rss_mb,
      run.build.peak_rss_mb
    );
    productRows.push(
      `| ${scale} | ${data.claims.toLocaleString("en-US")} | ${data.seconds === null ? "(reused)" : fmt(data.seconds, 1)} | ${ok(run.staging)} | ${mb(run.staging)} | ${ok(run.bare_load)} | ${fmt(run.staging.seconds / run.bare_load.seconds, 1)} | ${ok(run.bare_exposure)} | ${mb(run.bare_exposure)} | ${ok(run.prepare)} | ${mb(run.prepare)} | ${fmt(
        run.loaders.reduce((t, l) => t + l.seconds, 0),
        1
      )} | ${slowest ? `${slowest.loader} ${fmt(slowest.seconds, 1)}` : "–"} | ${ok(run.build)} | ${fmt(largest, 0)} |`
    );
    for (const l of run.loaders)
      loaderRows.push(`| ${scale} | ${l.loader} | ${ok(l)} | ${mb(l)} | ${fmt(l.stdout_bytes / 1e6, 2)} |`);
    for (const p of run.pages) pageRows.push(`| ${scale} | ${p.page} | ${fmt(p.files_kb / 1000, 2)} |`);
    // A long run keeps what it measured so far, whatever happens next.
    writeFileSync(join(root, "bench/out/report.md"), reportLines().join("\n") + "\n");
  }
  if (values["skip-proxy"]) continue;
  const cache = mkdtempSync(join(tmpdir(), "carnet-bench-cache-"));
  process.stderr.write(`bench: scale ${scale} (${data.claims.toLocaleString("en-US")} claims): staging\n`);
  const stage = child("stage", data.dir, {CARNET_CACHE: cache});
  process.stderr.write(`bench: scale ${scale}: loader vs plain SQL\n`);
  const loader = child("loader", data.dir, {CARNET_CACHE: cache});
  const plain = child("plain", data.dir);
  const size = ["claims.csv", "insured.csv"].reduce((s, f) => s + statSync(join(data.dir, f)).size, 0) / 2 ** 20;
  rows.push(
    `| ${scale} | ${data.claims.toLocaleString("en-US")} | ${fmt(size, 0)} | ${data.seconds === null ? "(reused)" : fmt(data.seconds, 1)} | ${fmt(stage.seconds)} | ${fmt(stage.peak_rss_mb, 0)} | ${fmt(loader.seconds)} | ${fmt(loader.peak_rss_mb, 0)} | ${fmt(plain.seconds)} | ${fmt(plain.peak_rss_mb, 0)} | ${fmt(loader.seconds / plain.seconds)} | ${fmt((stage.seconds + loader.seconds) / plain.seconds)} |`
  );
  engineRows.push(
    `| ${scale} | duckdb (embedded) | – | ${fmt(loader.seconds)} | ${fmt(loader.peak_rss_mb, 0)} | – | ${loader.groups} |`
  );
  if (withClickHouse) {
    process.stderr.write(
      `bench: scale ${scale}: ingest into the 2-shard cluster, then the same aggregation pushed down\n`
    );
    const ingested = child("ingest", data.dir, {CARNET_CACHE: cache, ...clickhouseEnv});
    const pushed = child("clickhouse", data.dir, clickhouseEnv);
    engineRows.push(
      `| ${scale} | clickhouse (2 shards, loopback) | ${fmt(ingested.seconds)} | ${fmt(pushed.seconds)} | ${fmt(pushed.peak_rss_mb, 0)} | ${fmt(pushed.server_rss_mb, 0)} (peak ${fmt(pushed.server_peak_rss_mb, 0)}) | ${pushed.groups} |`
    );
  }
  rmSync(cache, {recursive: true, force: true});
}
if (withClickHouse) await stopCluster(clusterDir);

const lines = reportLines();

lines.push(
  "",
  "Engine column: the same aggregation through each engine. *ingest s* = `carnet ingest` of the folder (validation from the",
  "warm staging cache, then CSV streams into the shards), paid once per delivery; *query s* / *client RSS* = the loader",
  "process (query, result back, Arrow locally); *servers RSS* = resident memory of both ClickHouse servers after the query.",
  "",
  "| scale | engine | ingest s | query s | client RSS MiB | servers RSS MiB | groups |",
  "|---|---|---|---|---|---|---|",
  ...engineRows,
  ...(withClickHouse
    ? []
    : ["", "(clickhouse not measured: engine not requested or /usr/sbin/clickhouse-server missing)"])
);

if (!values["skip-areas"]) {
  lines.push("", "Per-area benchmarks:", "");
  const areas: [string, string, (m: Record<string, unknown>) => Promise<Record<string, number>>][] = [
    [
      "drift",
      "bench/drift.ts",
      (m) => (m.benchDrift as (d: string) => Promise<Record<string, number>>)(generate(scales[0]).dir)
    ],
    ["roi", "bench/roi.ts", (m) => (m.benchRoi as () => Promise<Record<string, number>>)()],
    ["detectors", "bench/detectors.ts", (m) => (m.benchDetectors as () => Promise<Record<string, number>>)()]
  ];
  for (const [name, file, call] of areas) {
    if (!existsSync(join(root, file))) continue;
    process.stderr.write(`bench: ${name}\n`);
    const figures = await call(await import(join(root, file)));
    lines.push(
      `- **${name}**: ${Object.entries(figures)
        .map(([k, v]) => `${k} = ${typeof v === "number" ? +v.toPrecision(4) : v}`)
        .join(", ")}`
    );
  }
}
process.stdout.write(lines.join("\n") + "\n");

/** The report so far (each scale's rows as they come), also written to bench/out/report.md after every scale. */
function reportLines(): string[] {
  return [
    `## Run of ${new Date().toISOString().slice(0, 16)}Z`,
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}.`,
    "",
    "**The product** (bench/product.ts), each step in its own process under GNU time: *staging* = `carnet check` of the",
    "delivery into a cold cache; *bare load* = one DuckDB `COPY … TO parquet` per CSV file (no validation, no pseudonyms);",
    "*bare exposure* = drift's exposure cube as one naive DuckDB statement over the CSVs (insured × months range join);",
    "*prepare* = `carnet prepare` (drift's, ROI's and the value report's shared work, once per delivery); *loaders* =",
    "every `src/data/*.ts` loader run alone on the warm caches; *build* = the whole `npm run build` (warm staging and",
    "prepared caches, cold loader cache) into a scratch folder; *peak RSS* = the largest of staging, prepare, loaders",
    "and build. Delivery to site = staging + prepare + build.",
    "",
    "| scale | claims | generate s | staging s | staging RSS MiB | bare load s | staging / bare | bare exposure s | bare exposure RSS MiB | prepare s | prepare RSS MiB | loaders s (sum) | slowest loader s | build s | peak RSS MiB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...productRows,
    "",
    "Every page loader, alone (wall time, peak RSS, bytes written):",
    "",
    "| scale | loader | s | RSS MiB | MB written |",
    "|---|---|---|---|---|",
    ...loaderRows,
    "",
    "Data each page fetches (Framework's build summary, *Files* column):",
    "",
    "| scale | page | MB |",
    "|---|---|---|",
    ...pageRows,
    "",
    "The drift page of each scale's built site in Debian's Chromium (bench/drift.ts): navigation to the first chart",
    "(the funnel's points drawn), then DuckDB-Wasm drill-down queries on up to 12 segments clicked:",
    "",
    "| scale | first chart ms | drill-down median ms | drill-down worst ms | segments |",
    "|---|---|---|---|---|",
    ...browserRows,
    "",
    "Both engines on the product's preparation: *ingest* = `carnet ingest` into the 2-shard loopback cluster (validation",
    "from a cold cache, then the six tables streamed into the shards); *prepare on the cluster* = `carnet prepare` with",
    "CARNET_ENGINE on it (RSS of the client process; the shards' memory is bounded by their per-query limit).",
    "",
    "| scale | ingest s | ingest RSS MiB | prepare on the cluster s | client RSS MiB | prepare on DuckDB s | RSS MiB |",
    "|---|---|---|---|---|---|---|",
    ...clusterRows,
    "",
    "The proxy below times one page-sized aggregate through the loader stack, kept for the engine comparison.",
    "",
    "Aggregation: claims count and cost per month × guarantee × sex × job category (claims ⋈ insured), a page-sized cube.",
    "*Loader* = openExtracts (staged cache) → engine → Arrow IPC; *plain* = one DuckDB statement over the CSVs;",
    "*staging* = reading, validating and pseudonymising all six files once per delivery (cold cache).",
    "",
    "| scale | claims | CSV MiB | generate s | staging s | staging RSS MiB | loader s | loader RSS MiB | plain SQL s | plain RSS MiB | loader / plain | (staging + loader) / plain |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows
  ];
}
