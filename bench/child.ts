/**
 * One measured task, run in its own process so that its peak RSS is its own. Prints one JSON line:
 * {"seconds": <wall time>, "peak_rss_mb": <max resident set>, ...task figures}.
 *   stage DIR     validate + pseudonymise the extract folder into a fresh cache (CARNET_CACHE must be empty)
 *   loader DIR    the drift-shaped aggregation through the loader stack (openExtracts, engine, Arrow), warm cache
 *   plain DIR     the same aggregation as one plain DuckDB SQL statement over the extract CSV files
 *   ingest DIR    `carnet ingest` of the folder into the cluster at CARNET_BENCH_CLICKHOUSE (warm staging cache)
 *   clickhouse DIR  the same aggregation pushed down to that cluster (GROUP BY on the shards), result as Arrow
 *                 locally; also reports the shards' resident memory (VmRSS / VmHWM from /proc, both servers)
 */
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {ClickHouseEngine} from "../loaders/engine/clickhouse.ts";
import {DuckDbEngine} from "../loaders/engine/duckdb.ts";
import {literal} from "../loaders/engine/sql.ts";
import {openExtracts} from "../loaders/extracts/open.ts";
import {ingest} from "../loaders/ingest/ingest.ts";
import {arrowBytes} from "../loaders/output/arrow.ts";

/**
 * Claims count and cost per month, guarantee, sex and job category (claims joined with insured): the shape of a
 * page's cube, a few hundred groups whatever the scale, so the figures measure the scan and the join rather than
 * the shipping of millions of result rows into JavaScript.
 */
const aggregation = (claims: string, insured: string) => `
  SELECT date_trunc('month', c.event_date) AS month, c.guarantee, i.sex, i.job_category,
         count(*) AS claims, sum(coalesce(c.paid_eur, 0) + coalesce(c.reserve_eur, 0)) AS cost_eur
  FROM ${claims} c JOIN ${insured} i ON i.insured_id = c.insured_id
  GROUP BY ALL ORDER BY ALL`;

/** The same aggregation in ClickHouse's dialect: each shard joins its claims with its own insured (co-sharded by contract). */
const clickhouseAggregation = (db: string) => `
  SELECT toString(toStartOfMonth(event_date)) AS month, guarantee, sex, job_category,
         count() AS claims, sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)) AS cost_eur
  FROM claims ALL INNER JOIN (SELECT insured_id, sex, job_category FROM ${db}.insured_local) USING insured_id
  GROUP BY month, guarantee, sex, job_category
  ORDER BY month, guarantee, sex, job_category`;

function clickhouseUrl(): string {
  const url = process.env.CARNET_BENCH_CLICKHOUSE;
  if (!url) throw new Error("CARNET_BENCH_CLICKHOUSE is not set");
  return url;
}

/** The servers' PIDs: from the PID files of a cluster bench/run.ts started, else whoever listens on the HTTP ports. */
function serverPids(): string[] {
  const fromFiles = (process.env.CARNET_BENCH_PIDS ?? "")
    .split(",")
    .filter((f) => f && existsSync(f))
    .map((f) => readFileSync(f, "utf8").trim());
  if (fromFiles.length) return fromFiles;
  return (process.env.CARNET_BENCH_SHARDS ?? "").split(",").flatMap((hostPort) => {
    const out = spawnSync("ss", ["-ltnpH", `sport = :${hostPort.split(":").pop()}`], {encoding: "utf8"}).stdout ?? "";
    return [...out.matchAll(/pid=(\d+)/g)].map((m) => m[1]).slice(0, 1);
  });
}

/** Resident memory of the cluster's servers (current and peak since start), from the PID files bench/run.ts passes. */
function serverMemory(): Record<string, number> {
  let rss = 0;
  let hwm = 0;
  for (const pid of serverPids()) {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    hwm += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }
  return {server_rss_mb: rss, server_peak_rss_mb: hwm};
}

async function task(name: string, dir: string): Promise<Record<string, number>> {
  if (name === "stage") {
    const extracts = await openExtracts(dir);
    const read = extracts.accounting.files.reduce((n, f) => n + f.rows_read, 0);
    await extracts.engine.close();
    return {rows_read: read};
  }
  if (name === "loader") {
    const extracts = await openExtracts(dir);
    const rows = await extracts.engine.all(aggregation("claims", "insured"));
    const bytes = arrowBytes(rows).byteLength;
    await extracts.engine.close();
    return {groups: rows.length, arrow_bytes: bytes};
  }
  if (name === "ingest") {
    const result = await ingest({
      url: clickhouseUrl(),
      extracts: dir,
      shards: (process.env.CARNET_BENCH_SHARDS ?? "").split(",").filter(Boolean)
    });
    return {rows: result.tables.reduce((n, t) => n + t.rows, 0)};
  }
  if (name === "clickhouse") {
    const engine = await ClickHouseEngine.connect(clickhouseUrl());
    const rows = await engine.all(clickhouseAggregation(engine.database));
    const bytes = arrowBytes(rows).byteLength;
    await engine.close();
    return {groups: rows.length, arrow_bytes: bytes, ...serverMemory()};
  }
  if (name === "plain") {
    const engine = await DuckDbEngine.open();
    // Only claims.csv has an event_date (DuckDB refuses a type for a column the file lacks).
    const csv = (file: string, types = "") => `read_csv(${literal(join(dir, file))}, header = true${types})`;
    const reader = await engine.connection.runAndReadAll(
      aggregation(csv("claims.csv", ", types = {'event_date': 'DATE'}"), csv("insured.csv"))
    );
    const groups = reader.currentRowCount;
    await engine.close();
    return {groups};
  }
  throw new Error(`unknown bench task ${name}`);
}

const [name, dir] = process.argv.slice(2);
const start = performance.now();
const figures = await task(name, dir);
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024, ...figures}) + "\n");
