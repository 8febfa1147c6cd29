/**
 * Loads one delivered file, CSV or Parquet, into a temporary table of VARCHAR columns (only the contract's
 * columns; direct identifiers are never read), plus a way to recover each row's line number.
 * Rows DuckDB cannot split into the right number of fields go straight to the rejects table.
 */
import {existsSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {literal} from "../engine/sql.ts";
import {CarnetError} from "../errors.ts";
import type {FileContract} from "./contract.ts";
import {sniffDialect} from "./dialect.ts";
import {transcodeToUtf8} from "./transcode.ts";

export interface RawFile {
  /** File name as shown to users, e.g. `claims.csv`. */
  display: string;
  path: string;
  format: "csv" | "parquet";
  decimalComma: boolean;
  /** FROM clause giving the raw rows (and the line-number helper when needed). */
  from: string;
  /** SQL expression: the row's line number in the file (header = line 1). */
  line: string;
  /** Rows in the file: loaded + rejected for their structure. */
  rowsRead: number;
  /** Rows rejected for their structure (wrong number of fields). */
  structuralRejects: number;
}

export function locateFile(dir: string, file: FileContract): {path: string; format: "csv" | "parquet"} | undefined {
  for (const format of ["parquet", "csv"] as const) {
    const path = join(dir, `${file.name}.${format}`);
    if (existsSync(path)) return {path, format};
  }
  return undefined;
}

/** Columns that must be in the header: every contract column except direct identifiers (never read anyway). */
function expectedColumns(file: FileContract): string[] {
  return file.columns.filter((c) => !c.identifier).map((c) => c.name);
}

function checkHeader(display: string, file: FileContract, header: string[], where: string): void {
  const missing = expectedColumns(file).filter((name) => !header.includes(name));
  if (missing.length) {
    const list = missing.map((m) => `"${m}"`).join(", ");
    throw new CarnetError(
      `${display} ${where}: missing required column${missing.length > 1 ? "s" : ""} ${list}; found: ${header.join(", ") || "(none)"}`
    );
  }
}

export async function loadRaw(engine: DuckDbEngine, dir: string, file: FileContract): Promise<RawFile> {
  const located = locateFile(dir, file);
  if (!located)
    throw new CarnetError(
      `${join(dir, file.name)}.csv: file not found; the data contract expects ${file.name}.csv or ${file.name}.parquet`
    );
  const table = `raw_${file.name}`;
  const columns = expectedColumns(file);
  return located.format === "parquet"
    ? loadParquet(engine, located.path, file, table, columns)
    : loadCsv(engine, located.path, file, table, columns);
}

async function loadParquet(
  engine: DuckDbEngine,
  path: string,
  file: FileContract,
  table: string,
  columns: string[]
): Promise<RawFile> {
  const display = `${file.name}.parquet`;
  let described: {column_name: string; column_type: string}[];
  try {
    described = await engine.all(`DESCRIBE SELECT * FROM read_parquet(${literal(path)})`);
  } catch (error) {
    throw new CarnetError(`${display}: cannot be read as Parquet (${firstLine(error)})`);
  }
  checkHeader(
    display,
    file,
    described.map((d) => d.column_name),
    "schema"
  );
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  const select = columns.map((name) => {
    const type = types.get(name) ?? "";
    // Timestamps hold dates here: keep the date part, so the contract's date parsing applies.
    const value = type.startsWith("TIMESTAMP") ? `CAST("${name}" AS DATE)` : `"${name}"`;
    return `CAST(${value} AS VARCHAR) AS "${name}"`;
  });
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${select.join(", ")} FROM read_parquet(${literal(path)})`
  );
  const [{n}] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM ${table}`);
  return {
    display,
    path,
    format: "parquet",
    decimalComma: false,
    from: table,
    line: `(${table}.rowid + 1)`,
    rowsRead: n,
    structuralRejects: 0
  };
}

async function loadCsv(
  engine: DuckDbEngine,
  original: string,
  file: FileContract,
  table: string,
  columns: string[]
): Promise<RawFile> {
  const display = `${file.name}.csv`;
  const dialect = sniffDialect(original, display);
  checkHeader(display, file, dialect.header, "line 1");
  let path = original;
  if (dialect.encoding === "windows-1252") {
    path = join(mkdtempSync(join(tmpdir(), "carnet-")), `${file.name}.csv`);
    await transcodeToUtf8(original, path);
  }
  const rejectsTable = `rejects_${file.name}`;
  const scanTable = `scans_${file.name}`;
  const select = columns.map((name) => `"${name}"`).join(", ");
  try {
    await engine.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${select} FROM read_csv(${literal(path)}, header = true, delim = ${literal(dialect.delimiter)},
        quote = '"', escape = '"', all_varchar = true, ignore_errors = true, store_rejects = true,
        rejects_table = '${rejectsTable}', rejects_scan = '${scanTable}', null_padding = false)`
    );
  } catch (error) {
    throw new CarnetError(
      `${display}: cannot be read as CSV with delimiter "${dialect.delimiter}" (${firstLine(error)})`
    );
  }
  // DuckDB logs one error per missing field; keep one reject per line, the first error on it.
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${rejectsTable}_lines AS
    SELECT line, arg_min(column_name, column_idx) AS column_name, arg_min(error_type, column_idx) AS error_type,
      arg_min(error_message, column_idx) AS error_message
    FROM ${rejectsTable} GROUP BY line`);
  await engine.run(`INSERT INTO rejects SELECT ${literal(display)}, line, column_name,
      CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
        THEN 'expected ${dialect.header.length} fields, found ' || regexp_extract(error_message, 'Found: (\\d+)', 1)
        ELSE lower(error_type) || ': ' || error_message END
    FROM ${rejectsTable}_lines`);
  const [{n}] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM ${table}`);
  const [{r}] = await engine.all<{r: number}>(`SELECT count(*) AS r FROM ${rejectsTable}_lines`);
  let from = table;
  let line = `(${table}.rowid + 2)`;
  if (r > 0) {
    // Accepted row i (1-based) sits after k rejected lines, where k counts rejects r_j with r_j - j - 1 < i.
    const thresholds = `lines_${file.name}`;
    await engine.run(`CREATE OR REPLACE TEMP TABLE ${thresholds} AS
      SELECT t, max(j) AS j FROM (SELECT line - row_number() OVER (ORDER BY line) - 1 AS t, row_number() OVER (ORDER BY line) AS j FROM ${rejectsTable}_lines) GROUP BY t`);
    from = `${table} ASOF LEFT JOIN ${thresholds} ON ${table}.rowid + 1 > ${thresholds}.t`;
    line = `(${table}.rowid + 2 + coalesce(${thresholds}.j, 0))`;
  }
  return {
    display,
    path: original,
    format: "csv",
    decimalComma: dialect.decimalComma,
    from,
    line,
    rowsRead: n + r,
    structuralRejects: r
  };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0];
}
