/**
 * Interpreter for `.sql` data loaders (observablehq.config.ts maps ".sql" to `tsx scripts/sql-loader.ts`).
 * Framework runs `tsx scripts/sql-loader.ts src/data/<name>.<ext>.sql` and serves what it writes on stdout as
 * `data/<name>.<ext>`. The query runs on the staged extract tables (contracts, insured, premiums, claims,
 * expertises, scores: accepted rows only, pseudonymised), opened with `openExtracts()` from CARNET_EXTRACTS or
 * data/extracts. The output format follows the target extension: `.arrow` (Arrow IPC stream, what `sql:` front
 * matter and DuckDB-Wasm read offline), `.json` (array of records) or `.csv`.
 * The team's macros (loaders/query/macros.ts) are registered. A mistake (bad SQL, missing extract folder) prints one
 * line naming the file and, for SQL, DuckDB's message with its line and column; it exits 2.
 */
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {basename, extname} from "node:path";
import {writeCsv} from "../loaders/cli/output.ts";
import type {Engine, Row} from "../loaders/engine/engine.ts";
import {isCarnetError} from "../loaders/errors.ts";
import {openExtracts} from "../loaders/extracts/open.ts";
import {writeArrow, writeStdout} from "../loaders/output/arrow.ts";
import {registerMacros} from "../loaders/query/macros.ts";
import {lockToStaged} from "../loaders/query/read-only.ts";
import {DUCKDB_ERROR, oneLineSqlError} from "../loaders/query/sql-error.ts";

type Format = "arrow" | "json" | "csv";

class LoaderError extends Error {}

/** `claims.arrow.sql` -> "arrow". */
export function outputFormat(file: string): Format {
  const target = basename(file).replace(/\.sql$/, "");
  const ext = extname(target).slice(1);
  if (ext === "arrow" || ext === "json" || ext === "csv") return ext;
  throw new LoaderError(
    `expected a name like <name>.arrow.sql, <name>.json.sql or <name>.csv.sql, got ${basename(file)}`
  );
}

/** The statement text without trailing semicolons and blank lines (so it can also be DESCRIBEd). */
export function statement(sqlText: string): string {
  const text = sqlText.replace(/(?:\s|;)+$/, "");
  if (!text.replace(/--[^\n]*/g, "").trim()) throw new LoaderError("the file holds no SQL statement");
  return text;
}

/**
 * The statement file for the engine: `<name>.<ext>.sql` is DuckDB's dialect; on a ClickHouse engine
 * (CARNET_ENGINE=clickhouse://...) its twin `<name>.<ext>.clickhouse.sql` beside it runs instead.
 */
export function engineTwin(file: string, engine: Pick<Engine, "kind" | "label">): string {
  if (engine.kind !== "clickhouse") return file;
  const twin = file.replace(/\.sql$/, ".clickhouse.sql");
  if (!existsSync(twin))
    throw new LoaderError(
      `written in DuckDB's dialect and the engine is ${engine.label}: add its ClickHouse twin ${basename(twin)} beside it`
    );
  return twin;
}

/** Runs the query; with no rows, still returns the column names so the output keeps its schema. */
export async function runQuery(engine: Engine, sql: string): Promise<{rows: Row[]; columns: string[]}> {
  const rows = await engine.all(sql);
  if (rows.length) return {rows, columns: Object.keys(rows[0])};
  const described = await engine.all<{column_name: string}>(`DESCRIBE ${sql}`);
  return {rows, columns: described.map((d) => d.column_name)};
}

async function main(file: string | undefined): Promise<number> {
  if (!file) throw new LoaderError("usage: tsx scripts/sql-loader.ts <file>.<arrow|json|csv>.sql");
  const format = outputFormat(file);
  const extracts = await openExtracts();
  const {engine} = extracts;
  // The team's macros (carnet_mask, carnet_age_band...) and the staged tables as the only files, as in `carnet query`.
  if (engine.kind === "duckdb") {
    await registerMacros(engine);
    await lockToStaged(engine, extracts.stagingKey);
  }
  const sql = statement(await readFile(engineTwin(file, engine), "utf8"));
  try {
    const {rows, columns} = await runQuery(engine, sql);
    if (format === "arrow") await writeArrow(rows, columns);
    else if (format === "json") await writeStdout(JSON.stringify(rows));
    else writeCsv(rows, columns);
  } finally {
    await engine.close();
  }
  return 0;
}

const file = process.argv[2];
main(file).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The user's mistakes (bad name, bad SQL, missing extracts) get one line; anything else is a bug: add the stack.
    // DuckDB's message keeps its line and column (oneLineSqlError); anything else its first line.
    const message = error instanceof Error ? oneLineSqlError(error.message) : String(error);
    const userMistake = error instanceof LoaderError || isCarnetError(error) || DUCKDB_ERROR.test(message);
    process.stderr.write(`sql-loader: ${file ?? ""}: ${message}\n`);
    if (!userMistake) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
    process.exitCode = userMistake ? 2 : 1;
  }
);
