/**
 * One measured task, run in its own process so that its peak RSS is its own. Prints one JSON line:
 * {"seconds": <wall time>, "peak_rss_mb": <max resident set>, ...task figures}.
 *   stage DIR     validate + pseudonymise the extract folder into a fresh cache (CARNET_CACHE must be empty)
 *   loader DIR    the drift-shaped aggregation through the loader stack (openExtracts, engine, Arrow), warm cache
 *   plain DIR     the same aggregation as one plain DuckDB SQL statement over the extract CSV files
 */
import {join} from "node:path";
import {DuckDbEngine} from "../loaders/engine/duckdb.ts";
import {literal} from "../loaders/engine/sql.ts";
import {openExtracts} from "../loaders/extracts/open.ts";
import {arrowBytes} from "../loaders/output/arrow.ts";

/** Claims count and cost per contract, month and guarantee, with the insured's sex and job category. */
const aggregation = (claims: string, insured: string) => `
  SELECT c.contract_id, date_trunc('month', c.event_date) AS month, c.guarantee, i.sex, i.job_category,
         count(*) AS claims, sum(coalesce(c.paid_eur, 0) + coalesce(c.reserve_eur, 0)) AS cost_eur
  FROM ${claims} c JOIN ${insured} i ON i.insured_id = c.insured_id
  GROUP BY ALL ORDER BY ALL`;

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
  if (name === "plain") {
    const engine = await DuckDbEngine.open();
    const csv = (file: string) => `read_csv(${literal(join(dir, file))}, header = true, types = {'event_date': 'DATE'})`;
    const reader = await engine.connection.runAndReadAll(aggregation(csv("claims.csv"), csv("insured.csv")));
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
