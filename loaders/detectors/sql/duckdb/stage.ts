/**
 * DuckDB statements that stage a predictions file: read it as text, find the rows that break the contract,
 * keep the others typed. Every value stays VARCHAR until checked, so a bad row is reported, not a crash.
 */
import {identifier, literal} from "../../../engine/sql.ts";

export interface CsvRead {
  path: string;
  delimiter: "," | ";";
  /** Header names as written, in order. */
  header: string[];
  /** Where DuckDB records structurally broken lines (wrong number of fields). */
  rejectsTable: string;
  rejectsScan: string;
}

/** Reads every field as text, without sniffing (the dialect is known); broken lines go to the rejects table. */
export function readCsvAsText(table: string, read: CsvRead): string {
  const columns = read.header.map((name, i) => `${literal(columnName(name, i))}: 'VARCHAR'`).join(", ");
  return `CREATE OR REPLACE TEMP TABLE ${identifier(table)} AS
    SELECT * FROM read_csv(${literal(read.path)}, auto_detect = false, header = true, delim = ${literal(read.delimiter)},
      quote = '"', escape = '"', columns = {${columns}}, ignore_errors = true, store_rejects = true,
      rejects_table = ${literal(identifier(read.rejectsTable))}, rejects_scan = ${literal(identifier(read.rejectsScan))})`;
}

/** The same text table from a Parquet delivery (proper types there, text here so checks are shared). */
export function readParquetAsText(table: string, path: string, columns: string[]): string {
  const select = columns.map((c) => `CAST(${quoted(c)} AS VARCHAR) AS ${quoted(c)}`).join(", ");
  return `CREATE OR REPLACE TEMP TABLE ${identifier(table)} AS SELECT ${select} FROM read_parquet(${literal(path)})`;
}

/** Broken lines DuckDB set aside: one row per line, the first error of each. */
export function structuralRejects(rejectsTable: string): string {
  return `SELECT line::BIGINT AS line, arg_min(column_name, column_idx) AS column_name, arg_min(error_type, column_idx) AS error_type,
      arg_min(error_message, column_idx) AS error_message
    FROM ${identifier(rejectsTable)} GROUP BY line ORDER BY line`;
}

/**
 * Numbers the rows DuckDB kept with their line in the file. Row r (0-based, file order) sits on line
 * r + 2 + m, where m counts the broken lines L_j (sorted, j from 1) with L_j - (j - 1) <= r + 2: each broken
 * line before it pushes it down by one. `firstLine` is 2 for CSV (after the header), 1 for Parquet rows.
 */
export function numberLines(target: string, source: string, brokenLines: readonly number[], firstLine: number): string {
  const shifted = brokenLines.map((line, j) => line - j);
  const values = shifted.length
    ? `SELECT unnest([${shifted.join(", ")}]::BIGINT[]) AS a`
    : `SELECT NULL::BIGINT AS a WHERE false`;
  return `CREATE OR REPLACE TEMP TABLE ${identifier(target)} AS
    WITH r AS (SELECT rowid AS r, * FROM ${identifier(source)}), broken AS (${values})
    SELECT r.* EXCLUDE (r), r.r + ${firstLine} + (SELECT count(*) FROM broken WHERE a <= r.r + ${firstLine}) AS line FROM r`;
}

export interface CheckOptions {
  hasDecision: boolean;
  /** With `;` as delimiter the decimal separator may be a comma. */
  decimalComma: boolean;
  threshold: number | null;
}

/**
 * Adds one reason column per contract check (null when the value is fine) and the typed values.
 * The first occurrence of a document_id wins; later ones are rejected as repeats.
 */
export function checkRows(target: string, source: string, options: CheckOptions): string {
  const scoreText = options.decimalComma ? `replace(trim(score), ',', '.')` : `trim(score)`;
  const decisionText = options.hasDecision ? `nullif(trim(decision), '')` : `NULL::VARCHAR`;
  const noThreshold = options.threshold === null;
  return `CREATE OR REPLACE TEMP TABLE ${identifier(target)} AS
    WITH t AS (
      SELECT line, nullif(trim(document_id), '') AS doc, trim(label) AS label_text, nullif(${scoreText}, '') AS score_text,
        ${decisionText} AS decision_text
      FROM ${identifier(source)}
    ), typed AS (
      SELECT *, TRY_CAST(score_text AS DOUBLE) AS score_value,
        min(line) OVER (PARTITION BY doc) AS first_line
      FROM t
    )
    SELECT line, doc AS document_id,
      CASE WHEN label_text IN ('0', '1') THEN label_text::INTEGER END AS label,
      score_value AS score,
      CASE WHEN decision_text IN ('0', '1') THEN decision_text::INTEGER END AS decision,
      CASE WHEN doc IS NULL THEN 'document_id is empty; expected a document identifier'
           WHEN first_line < line THEN 'document_id repeats the one on line ' || first_line || '; expected one row per document' END AS document_id_problem,
      CASE WHEN label_text IS NULL OR label_text = '' THEN 'label is empty; expected 0 (genuine) or 1 (forged)'
           WHEN label_text NOT IN ('0', '1') THEN 'label must be 0 (genuine) or 1 (forged), got "' || left(label_text, 40) || '"' END AS label_problem,
      CASE WHEN score_text IS NULL THEN 'score is empty; expected a number'
           WHEN score_value IS NULL OR NOT isfinite(score_value) THEN 'score must be a finite number, got "' || left(score_text, 40) || '"' END AS score_problem,
      CASE WHEN decision_text IS NOT NULL AND decision_text NOT IN ('0', '1') THEN 'decision must be 0 or 1 (or empty), got "' || left(decision_text, 40) || '"'
           ${noThreshold ? `WHEN decision_text IS NULL THEN 'decision is empty and the manifest gives no threshold; expected 0 or 1'` : ""} END AS decision_problem
    FROM typed`;
}

/** Problems of the checked rows, one per failing column, in file order. */
export function rowProblems(checked: string, limit: number): string {
  return `SELECT line, column_name, reason FROM (
      SELECT line, 'document_id' AS column_name, document_id_problem AS reason, 1 AS k FROM ${identifier(checked)} WHERE document_id_problem IS NOT NULL
      UNION ALL SELECT line, 'label', label_problem, 2 FROM ${identifier(checked)} WHERE label_problem IS NOT NULL
      UNION ALL SELECT line, 'score', score_problem, 3 FROM ${identifier(checked)} WHERE score_problem IS NOT NULL
      UNION ALL SELECT line, 'decision', decision_problem, 4 FROM ${identifier(checked)} WHERE decision_problem IS NOT NULL
    ) ORDER BY line, k LIMIT ${limit}`;
}

export function rowCounts(checked: string): string {
  const bad = `document_id_problem IS NOT NULL OR label_problem IS NOT NULL OR score_problem IS NOT NULL OR decision_problem IS NOT NULL`;
  return `SELECT count(*)::BIGINT AS kept, count(*) FILTER (WHERE ${bad})::BIGINT AS rejected,
      count(*) FILTER (WHERE decision IS NOT NULL AND NOT (${bad}))::BIGINT AS with_decision
    FROM ${identifier(checked)}`;
}

/** The accepted rows, typed: the table every metric reads. */
export function acceptedRows(target: string, checked: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${identifier(target)} AS
    SELECT document_id, label, score, decision FROM ${identifier(checked)}
    WHERE document_id_problem IS NULL AND label_problem IS NULL AND score_problem IS NULL AND decision_problem IS NULL`;
}

export function dropTables(...tables: string[]): string[] {
  return tables.map((t) => `DROP TABLE IF EXISTS ${identifier(t)}`);
}

/** Header names become column names as written; a blank one gets a placeholder so the read still works. */
function columnName(name: string, index: number): string {
  return name === "" ? `column${index}` : name;
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
