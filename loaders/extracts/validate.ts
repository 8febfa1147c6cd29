/**
 * Validates one loaded file against its contract, entirely in SQL: typed values, per-cell checks, dates in
 * order, duplicate keys (the first occurrence wins), references to accepted rows of earlier files.
 * Every row ends either in the accepted table or in `rejects` with its line, column and reason.
 */
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {literal} from "../engine/sql.ts";
import {columnChecks, firstFailure, orderChecks, typedSql} from "./checks.ts";
import type {FileContract} from "./contract.ts";
import {pseudonymSql} from "./pseudonym.ts";
import type {RawFile} from "./raw.ts";

export interface FileAccounting {
  file: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
}

const q = (name: string) => `"${name}"`;

export async function validateFile(engine: DuckDbEngine, raw: RawFile, file: FileContract, key: string): Promise<FileAccounting> {
  const columns = file.columns.filter((c) => !c.identifier);
  const checks = [...columns.flatMap((c) => columnChecks(c, raw.decimalComma)), ...orderChecks(file, raw.decimalComma)];
  const failure = firstFailure(checks);
  const typed = columns.map((c) => `${typedSql(c, raw.decimalComma)} AS ${q(c.name)}`);
  const checked = `checked_${file.name}`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${checked} AS
    SELECT ${raw.line} AS __line, ${typed.join(", ")}, ${failure.column} AS __column, ${failure.reason} AS __reason FROM ${raw.from}`);
  await engine.run(`DROP TABLE IF EXISTS raw_${file.name}`);

  // Row-level rules across rows: duplicates among otherwise valid rows, then references to accepted parents.
  const rules: {bad: string; column: string; reason: string}[] = [];
  const joins: string[] = [];
  let windows = "";
  if (file.key?.length) {
    const keys = file.key.map(q).join(", ");
    windows = `, row_number() OVER (PARTITION BY (__reason IS NULL), ${keys} ORDER BY __line) AS __dup,
      min(__line) OVER (PARTITION BY (__reason IS NULL), ${keys}) AS __first`;
    const shown = file.key.map((k) => `'${k} "' || v.${q(k)} || '"'`).join(" || ', ' || ");
    rules.push({bad: "__dup > 1", column: literal(file.key[0]), reason: `'duplicate key ' || ${shown} || ' (first at line ' || __first || ')'`});
  }
  columns.forEach((c, i) => {
    if (!c.references) return;
    const alias = `p${i}`;
    joins.push(`LEFT JOIN (SELECT DISTINCT ${q(c.references.column)} AS __k FROM accepted_${c.references.table}) ${alias} ON v.${q(c.name)} = ${alias}.__k`);
    rules.push({
      bad: `v.${q(c.name)} IS NOT NULL AND ${alias}.__k IS NULL`,
      column: literal(c.name),
      reason: `'${c.name} "' || v.${q(c.name)} || '" not found among accepted rows of ${c.references.table}'`
    });
  });
  const accepted = `accepted_${file.name}`;
  const exclude = file.key?.length ? "EXCLUDE (__dup, __first, __column, __reason)" : "EXCLUDE (__column, __reason)";
  const reason = `CASE WHEN v.__reason IS NOT NULL THEN v.__reason ${rules.map((r) => `WHEN ${r.bad} THEN ${r.reason}`).join(" ")} END`;
  const column = `CASE WHEN v.__reason IS NOT NULL THEN v.__column ${rules.map((r) => `WHEN ${r.bad} THEN ${r.column}`).join(" ")} END`;
  const judged = `judged_${file.name}`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${judged} AS
    SELECT v.* ${exclude}, ${column} AS __column, ${reason} AS __reason
    FROM (SELECT * ${windows} FROM ${checked}) v ${joins.join(" ")}`);
  await engine.run(`DROP TABLE ${checked}`);
  await engine.run(`INSERT INTO rejects SELECT ${literal(raw.display)}, __line, __column, __reason FROM ${judged} WHERE __reason IS NOT NULL`);
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${accepted} AS SELECT * EXCLUDE (__column, __reason) FROM ${judged} WHERE __reason IS NULL ORDER BY __line`);
  await engine.run(`DROP TABLE ${judged}`);

  // The published table: identifiers never read, individuals pseudonymised, line numbers dropped.
  const published = columns.map((c) => (c.pseudonymised ? `${pseudonymSql(q(c.name), key)} AS ${q(c.name)}` : q(c.name)));
  await engine.run(`CREATE OR REPLACE TABLE ${file.name} AS SELECT ${published.join(", ")} FROM ${accepted} ORDER BY __line`);
  const [{n}] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM ${accepted}`);
  const [{r}] = await engine.all<{r: number}>(`SELECT count(*) AS r FROM rejects WHERE file = ${literal(raw.display)}`);
  // Nothing is lost silently: a row that is neither accepted nor rejected is a bug, not a user's mistake.
  if (raw.rowsRead !== n + r) throw new Error(`${raw.display}: ${raw.rowsRead} rows read but ${n} accepted + ${r} rejected`);
  return {file: raw.display, rows_read: raw.rowsRead, rows_accepted: n, rows_rejected: r};
}
