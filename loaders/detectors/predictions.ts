/**
 * Stages one run's predictions (predictions.csv, or predictions.parquet as the contract allows) into a typed
 * table of accepted rows. Rows that break the contract (a wrong number of fields, a label that is not 0/1, a
 * score that is not a number, a decision that is not 0/1, an empty or repeated document_id) are rejected and
 * reported with their line; rows read = rows accepted + rows rejected. A file that cannot be used at all
 * (missing, unreadable, a required column absent) is one `fatal` problem.
 */
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Problem, RowAccounting} from "../../src/lib/detectors/types.ts";
import type {Engine} from "../engine/engine.ts";
import {isCarnetError} from "../errors.ts";
import {sniffDialect} from "../extracts/dialect.ts";
import {transcodeToUtf8} from "../extracts/transcode.ts";
import * as sql from "./sql/duckdb/stage.ts";

export const REQUIRED_COLUMNS = ["document_id", "label", "score"] as const;
/** Rejected rows listed per file; the rest are counted in one closing problem so output stays readable. */
export const MAX_LISTED_REJECTS = 50;

export interface StagedPredictions {
  /** The typed table of accepted rows, or null when the file could not be used. */
  table: string | null;
  /** The file read, as named in problems. */
  file: string;
  accounting: RowAccounting;
  problems: Problem[];
  fatal: boolean;
}

export interface StageOptions {
  /** Run folder on disk. */
  folder: string;
  /** How files of this folder are named in problems, e.g. "detector-runs/<run_id>". */
  display: string;
  /** Table names are derived from this (a plain SQL identifier). */
  table: string;
  threshold: number | null;
}

export async function stagePredictions(engine: Engine, options: StageOptions): Promise<StagedPredictions> {
  const csv = join(options.folder, "predictions.csv");
  const parquet = join(options.folder, "predictions.parquet");
  if (existsSync(csv)) return stageCsv(engine, csv, `${options.display}/predictions.csv`, options);
  if (existsSync(parquet)) return stageParquet(engine, parquet, `${options.display}/predictions.parquet`, options);
  return fatal(
    `${options.display}/predictions.csv`,
    null,
    null,
    "predictions.csv is missing; expected one row per document (document_id, label, score[, decision])"
  );
}

async function stageCsv(
  engine: Engine,
  path: string,
  display: string,
  options: StageOptions
): Promise<StagedPredictions> {
  let dialect;
  try {
    dialect = sniffDialect(path, display);
  } catch (error) {
    if (isCarnetError(error))
      return fatal(display, 1, null, error.message.replace(`${display}: `, "").replace(`${display} line 1: `, ""));
    throw error;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !dialect.header.includes(c));
  if (missing.length) {
    return fatal(
      display,
      1,
      missing[0],
      `header lacks ${missing.join(", ")}; expected columns document_id, label, score and optionally decision (found: ${dialect.header.join(", ")})`
    );
  }
  const duplicate = dialect.header.find((name, i) => dialect.header.indexOf(name) !== i);
  if (duplicate !== undefined) return fatal(display, 1, duplicate, `column ${duplicate} appears twice in the header`);

  // DuckDB reads UTF-8 and Latin-1, not Windows-1252: transcode those (rare) files to a temporary copy.
  let readPath = path;
  let tempDir: string | null = null;
  if (dialect.encoding === "windows-1252") {
    tempDir = mkdtempSync(join(tmpdir(), "carnet-detectors-"));
    readPath = join(tempDir, "predictions.csv");
    await transcodeToUtf8(path, readPath);
  }
  const t = names(options.table);
  try {
    await engine.run(
      sql.readCsvAsText(t.text, {
        path: readPath,
        delimiter: dialect.delimiter,
        header: dialect.header,
        rejectsTable: t.rejects,
        rejectsScan: t.scan
      })
    );
    const broken = await engine.all<{
      line: number;
      column_name: string | null;
      error_type: string;
      error_message: string;
    }>(sql.structuralRejects(t.rejects));
    await engine.run(
      sql.numberLines(
        t.lined,
        t.text,
        broken.map((b) => b.line),
        2
      )
    );
    const structural: Problem[] = broken.map((b) => ({
      file: display,
      line: b.line,
      column: b.column_name,
      reason: structuralReason(b.error_type, b.error_message)
    }));
    return await finish(engine, t, display, structural, {
      hasDecision: dialect.header.includes("decision"),
      decimalComma: dialect.decimalComma,
      threshold: options.threshold
    });
  } finally {
    for (const statement of sql.dropTables(t.text, t.lined, t.checked, t.rejects, t.scan)) await engine.run(statement);
    if (tempDir) rmSync(tempDir, {recursive: true, force: true});
  }
}

async function stageParquet(
  engine: Engine,
  path: string,
  display: string,
  options: StageOptions
): Promise<StagedPredictions> {
  const t = names(options.table);
  let columns: string[];
  try {
    columns = (
      await engine.all<{name: string}>(
        `SELECT name FROM parquet_schema('${path.replace(/'/g, "''")}') WHERE num_children IS NULL`
      )
    ).map((r) => r.name);
  } catch (error) {
    return fatal(display, null, null, `not a readable Parquet file (${(error as Error).message.split("\n")[0]})`);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length)
    return fatal(
      display,
      null,
      missing[0],
      `lacks column ${missing.join(", ")}; expected document_id, label, score and optionally decision`
    );
  const wanted = columns.filter((c) => [...REQUIRED_COLUMNS, "decision"].includes(c));
  try {
    await engine.run(sql.readParquetAsText(t.text, path, wanted));
    // Parquet has rows, not lines: row 1 is the first record.
    await engine.run(sql.numberLines(t.lined, t.text, [], 1));
    return await finish(engine, t, display, [], {
      hasDecision: wanted.includes("decision"),
      decimalComma: false,
      threshold: options.threshold
    });
  } finally {
    for (const statement of sql.dropTables(t.text, t.lined, t.checked)) await engine.run(statement);
  }
}

async function finish(
  engine: Engine,
  t: Names,
  display: string,
  structural: Problem[],
  check: sql.CheckOptions
): Promise<StagedPredictions> {
  await engine.run(sql.checkRows(t.checked, t.lined, check));
  const [counts] = await engine.all<{kept: number; rejected: number}>(sql.rowCounts(t.checked));
  const listed = await engine.all<{line: number; column_name: string; reason: string}>(
    sql.rowProblems(t.checked, MAX_LISTED_REJECTS)
  );
  await engine.run(sql.acceptedRows(t.accepted, t.checked));

  const rejected = structural.length + counts.rejected;
  const problems = [
    ...structural,
    ...listed.map((r) => ({file: display, line: r.line, column: r.column_name, reason: r.reason}))
  ]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .slice(0, MAX_LISTED_REJECTS);
  if (rejected > problems.length) {
    const shownLines = new Set(problems.map((p) => p.line)).size;
    problems.push({
      file: display,
      line: null,
      column: null,
      reason: `${rejected - shownLines} more rejected rows not listed (${rejected} rejected in all)`
    });
  }
  const accepted = counts.kept - counts.rejected;
  const accounting = {rows_read: counts.kept + structural.length, rows_accepted: accepted, rows_rejected: rejected};
  if (accepted === 0) {
    problems.push({
      file: display,
      line: null,
      column: null,
      reason: "no prediction row was accepted; the run cannot be scored"
    });
    await engine.run(sql.dropTables(t.accepted)[0]);
    return {table: null, file: display, accounting, problems, fatal: true};
  }
  return {table: t.accepted, file: display, accounting, problems, fatal: false};
}

type Names = ReturnType<typeof names>;

function names(base: string) {
  return {
    text: `${base}_text`,
    lined: `${base}_lined`,
    checked: `${base}_checked`,
    accepted: base,
    rejects: `${base}_rejects`,
    scan: `${base}_scan`
  };
}

function structuralReason(type: string, message: string): string {
  if (type === "MISSING COLUMNS" || type === "TOO MANY COLUMNS")
    return `${message.replace("Expected Number of Columns", "expected number of fields").replace("Found", "found")}`;
  if (type === "UNQUOTED VALUE" || type === "UNTERMINATED QUOTE")
    return `badly quoted field (${message.split("\n")[0]})`;
  if (type === "INVALID ENCODING" || type === "INVALID UNICODE")
    return `invalid characters (${message.split("\n")[0]}); expected UTF-8 or Windows-1252 text`;
  return message.split("\n")[0];
}

function fatal(file: string, line: number | null, column: string | null, reason: string): StagedPredictions {
  return {
    table: null,
    file,
    accounting: {rows_read: 0, rows_accepted: 0, rows_rejected: 0},
    problems: [{file, line, column, reason}],
    fatal: true
  };
}
