/** Generated extract folders for the generator's tests, written once per (seed, scale) into a temp folder. */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {generate, type GenerateSummary} from "../../loaders/generate/index.ts";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, {recursive: true, force: true});
});

export function generated(seed: number, scale: number): GenerateSummary {
  const out = mkdtempSync(join(tmpdir(), `carnet-gen-${seed}-${scale}-`));
  folders.push(out);
  return generate({out, seed, scale});
}

export const TABLES = [
  "contracts",
  "insured",
  "premiums",
  "claims",
  "expertises",
  "scores",
  "models",
  "score_features"
] as const;

/** DuckDB with one view per CSV file, columns typed by DuckDB's own sniffer (dates as DATE, numbers as numbers). */
export async function openGenerated(dir: string): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open();
  for (const table of TABLES) {
    await engine.run(
      `CREATE VIEW ${table} AS SELECT * FROM read_csv('${join(dir, table + ".csv")}', header = true, delim = ',', sample_size = -1)`
    );
  }
  return engine;
}

/** First value of a one-row query. */
export async function value<T = number>(engine: DuckDbEngine, sql: string): Promise<T> {
  const rows = await engine.all(sql);
  return Object.values(rows[0])[0] as T;
}
