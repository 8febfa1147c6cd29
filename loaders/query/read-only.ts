/**
 * Authors' SQL over the staged tables (`carnet query`, `.sql` loaders): the delivery's validated, pseudonymised
 * tables with the team's macros, one statement that only reads. A statement that would write (COPY, CREATE,
 * INSERT, ATTACH...) or a mistake is refused with one line (DuckDB's message and its line and column), exit 2.
 */
import {toPlain, type DuckDbEngine} from "../engine/duckdb.ts";
import type {Row} from "../engine/engine.ts";
import {literal} from "../engine/sql.ts";
import {CarnetError} from "../errors.ts";
import {openStagedExtracts, stagedFolder, type Extracts} from "../extracts/open.ts";
import {registerMacros} from "./macros.ts";
import {DUCKDB_ERROR, oneLineSqlError} from "./sql-error.ts";

/** DuckDB's statement types that only read (node-api's StatementType: SELECT 1, EXPLAIN 4). */
const READING = new Set([1, 4]);

/**
 * The delivery's staged tables (staged first if needed) in a DuckDB with the macros registered, locked to them:
 * the statement can read no file but the staged Parquet (never the raw extracts, which hold names and NIRs, nor
 * anything else on the machine) and write only into `writes`, folders the caller made for its output.
 */
export async function openForQuery(
  dir?: string,
  {writes = []}: {writes?: string[]} = {}
): Promise<Extracts & {engine: DuckDbEngine}> {
  const extracts = await openStagedExtracts(dir);
  const engine = extracts.engine as DuckDbEngine;
  await registerMacros(engine);
  await lockToStaged(engine, extracts.stagingKey, writes);
  return {...extracts, engine};
}

/**
 * Only the staged folder of `stagingKey` (and the folders in `writes`, private to the caller) stay reachable; the
 * setting cannot be changed back.
 */
export async function lockToStaged(engine: DuckDbEngine, stagingKey: string, writes: string[] = []): Promise<void> {
  const folders = [stagedFolder(stagingKey), ...writes].map((f) => literal(`${f}/`));
  await engine.run(`SET allowed_directories = [${folders.join(", ")}]`);
  await engine.run("SET enable_external_access = false");
  await engine.run("SET lock_configuration = true");
}

/** The statement's rows and column names (kept without rows), or a CarnetError of one line. */
export async function readOnlyQuery(engine: DuckDbEngine, sql: string): Promise<{rows: Row[]; columns: string[]}> {
  return oneLineErrors(async () => {
    const reader = await (await readingStatement(engine, sql)).runAndReadAll();
    return {rows: reader.getRowObjectsJS().map(toPlain), columns: reader.columnNames()};
  });
}

/** Writes the statement's result to `path` as Parquet, by DuckDB itself (no row passes through JavaScript). */
export async function readOnlyToParquet(engine: DuckDbEngine, sql: string, path: string): Promise<void> {
  await oneLineErrors(async () => {
    await readingStatement(engine, sql);
    await engine.run(`COPY (${statementText(sql)}) TO ${literal(path)} (FORMAT parquet)`);
  });
}

function statementText(sql: string): string {
  const text = sql.replace(/(?:\s|;)+$/, "");
  if (!text.replace(/--[^\n]*/g, "").trim()) throw new CarnetError("query: no SQL statement given");
  return text;
}

/** The one statement of `sql`, prepared, after checking that it only reads. */
async function readingStatement(engine: DuckDbEngine, sql: string) {
  const statements = await engine.connection.extractStatements(statementText(sql));
  if (statements.count !== 1) throw new CarnetError(`query: one statement expected, got ${statements.count}`);
  const prepared = await statements.prepare(0);
  if (!READING.has(prepared.statementType))
    throw new CarnetError("query: only statements that read (SELECT, WITH, FROM, EXPLAIN) run on the staged tables");
  return prepared;
}

async function oneLineErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CarnetError) throw error;
    // extractStatements wraps a parser error: "Failed to extract statements: Parser Error: ...".
    const message = String((error as Error)?.message ?? error).replace(/^Failed to extract statements: /, "");
    if (DUCKDB_ERROR.test(message)) throw new CarnetError(`query: ${oneLineSqlError(message)}`);
    throw error;
  }
}
