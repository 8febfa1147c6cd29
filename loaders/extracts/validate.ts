/**
 * Validates one loaded file against its contract, entirely in SQL: typed values, per-cell checks, dates in
 * order, duplicate keys (the first occurrence wins), references to accepted rows of earlier files.
 * Every row ends either in the accepted table or in `rejects` with its line, column and reason.
 */
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {literal} from "../engine/sql.ts";
import {columnChecks, firstFailure, orderChecks, typedName, typedSql} from "./checks.ts";
import {fileContract, type FileContract} from "./contract.ts";
import {pseudonymSql} from "./pseudonym.ts";
import type {RawFile} from "./raw.ts";

export interface FileAccounting {
  file: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
}

/** Each file's four counts alone (what published figures keep of the accounting, which may carry more). */
export function fileCounts(files: readonly FileAccounting[]): FileAccounting[] {
  return files.map(({file, rows_read, rows_accepted, rows_rejected}) => ({
    file,
    rows_read,
    rows_accepted,
    rows_rejected
  }));
}

/** Rows read, accepted and rejected over every file: read = accepted + rejected holds for the sums too. */
export function rowTotals(files: readonly FileAccounting[]): {read: number; accepted: number; rejected: number} {
  const sum = (key: "rows_read" | "rows_accepted" | "rows_rejected") => files.reduce((total, f) => total + f[key], 0);
  return {read: sum("rows_read"), accepted: sum("rows_accepted"), rejected: sum("rows_rejected")};
}

const q = (name: string) => `"${name}"`;
/** Column of `accepted_<table>` holding the pseudonym of a pseudonymised column. */
const pseudonymColumn = (name: string) => q(`__p_${name}`);

export async function validateFile(
  engine: DuckDbEngine,
  raw: RawFile,
  file: FileContract,
  key: string
): Promise<FileAccounting> {
  const columns = file.columns.filter((c) => !c.identifier);
  const checks = [...columns.flatMap((c) => columnChecks(c, raw.decimalComma)), ...orderChecks(file)];
  const failure = firstFailure(checks);
  // Typed values are computed once (inner query), then read by every check and kept (outer query).
  const typedOnce = columns
    .filter((c) => c.type !== "text")
    .map((c) => `${typedSql(c, raw.decimalComma)} AS ${typedName(c)}`);
  const kept = columns.map((c) => `${typedName(c)} AS ${q(c.name)}`);
  const checked = `checked_${file.name}`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${checked} AS
    SELECT __line, ${kept.join(", ")}, ${failure.column} AS __column, ${failure.reason} AS __reason
    FROM (SELECT ${raw.line} AS __line, ${[...columns.map((c) => q(c.name)), ...typedOnce].join(", ")} FROM ${raw.from})`);
  await engine.run(`DROP TABLE IF EXISTS raw_${file.name}`);

  // Row-level rules across rows: duplicates among otherwise valid rows, then references to accepted parents.
  const rules: {bad: string; column: string; reason: string}[] = [];
  const joins: string[] = [];
  const inherited: string[] = [];
  if (file.key?.length) {
    // Duplicates among otherwise valid rows: the keys seen more than once, found by a hash aggregate (usually
    // empty, and cheap at any size) instead of a window numbering every row (a sort of the whole file).
    const keys = file.key.map(q);
    const named = keys.map((k, j) => `${k} AS __d${j}`).join(", ");
    const on = keys.map((k, j) => `v.${k} IS NOT DISTINCT FROM dup.__d${j}`).join(" AND ");
    joins.push(
      `LEFT JOIN (SELECT ${named}, min(__line) AS __first FROM ${checked} WHERE __reason IS NULL GROUP BY ALL HAVING count(*) > 1) dup ON ${on}`
    );
    const shown = file.key.map((k) => `'${k} "' || v.${q(k)} || '"'`).join(" || ', ' || ");
    rules.push({
      bad: "dup.__first IS NOT NULL AND v.__line > dup.__first",
      column: literal(file.key[0]),
      reason: `'duplicate key ' || ${shown} || ' (first at line ' || dup.__first || ')'`
    });
  }
  columns.forEach((c, i) => {
    if (!c.references) return;
    const alias = `p${i}`;
    // A pseudonymised reference takes the pseudonym its parent already computed: one HMAC per person, not per row.
    const parentHashes =
      c.pseudonymised &&
      fileContract(c.references.table).columns.find((p) => p.name === c.references!.column)?.pseudonymised;
    const carried = parentHashes ? `, ${pseudonymColumn(c.references.column)} AS __p` : "";
    if (parentHashes) inherited.push(`${alias}.__p AS ${pseudonymColumn(c.name)}`);
    // A composite reference matches the other columns too (same names in both files).
    const also = c.references.with ?? [];
    const alsoKeys = also.map((name, j) => `, ${q(name)} AS __k${j + 1}`).join("");
    const alsoOn = also.map((name, j) => ` AND v.${q(name)} = ${alias}.__k${j + 1}`).join("");
    const alsoShown = also.map((name) => ` || ' with ${name} "' || v.${q(name)} || '"'`).join("");
    // Referring to the parent's key (an insured, a score), each parent row is already one: no DISTINCT to compute.
    const parentKey = fileContract(c.references.table).key ?? [];
    const referred = [c.references.column, ...also];
    const isKey = parentKey.length === referred.length && parentKey.every((k) => referred.includes(k));
    joins.push(
      `LEFT JOIN (SELECT ${isKey ? "" : "DISTINCT "}${q(c.references.column)} AS __k${alsoKeys}${carried} FROM accepted_${c.references.table}) ${alias} ON v.${q(c.name)} = ${alias}.__k${alsoOn}`
    );
    rules.push({
      bad: `v.${q(c.name)} IS NOT NULL AND ${alias}.__k IS NULL`,
      column: literal(c.name),
      reason: `'${c.name} "' || v.${q(c.name)} || '"'${alsoShown} || ' not found among accepted rows of ${c.references.table}'`
    });
  });
  // Names listed in a parent row (a feature among its model version's features), once the references hold.
  columns.forEach((c, i) => {
    if (!c.listedIn) return;
    const {table, key: parentKey, via, list, separator} = c.listedIn;
    const alias = `l${i}`;
    const sep = literal(separator);
    // Spaces around the separator are tolerated: "age | tenure" lists "age" and "tenure".
    const names = `string_split(regexp_replace(trim(${q(list)}), '\\s*' || regexp_escape(${sep}) || '\\s*', ${sep}, 'g'), ${sep})`;
    joins.push(
      `LEFT JOIN (SELECT ${q(parentKey)} AS __k, ${names} AS __names FROM accepted_${table}) ${alias} ON v.${q(via)} = ${alias}.__k`
    );
    rules.push({
      bad: `v.${q(c.name)} IS NOT NULL AND ${alias}.__k IS NOT NULL AND NOT list_contains(${alias}.__names, v.${q(c.name)})`,
      column: literal(c.name),
      reason: `'${c.name} "' || v.${q(c.name)} || '" is not among the ${list} of ${via} "' || v.${q(via)} || '" in ${table} (' || array_to_string(${alias}.__names, ${literal(", ")}) || ')'`
    });
  });
  const accepted = `accepted_${file.name}`;
  const reason = `CASE WHEN v.__reason IS NOT NULL THEN v.__reason ${rules.map((r) => `WHEN ${r.bad} THEN ${r.reason}`).join(" ")} END`;
  const column = `CASE WHEN v.__reason IS NOT NULL THEN v.__column ${rules.map((r) => `WHEN ${r.bad} THEN ${r.column}`).join(" ")} END`;
  const judged = `judged_${file.name}`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${judged} AS
    SELECT v.* EXCLUDE (__column, __reason), ${[...inherited, `${column} AS __column`, `${reason} AS __reason`].join(", ")}
    FROM ${checked} v ${joins.join(" ")}`);
  await engine.run(`DROP TABLE ${checked}`);
  await engine.run(
    `INSERT INTO rejects SELECT ${literal(raw.display)}, __line, __column, __reason FROM ${judged} WHERE __reason IS NOT NULL`
  );

  // Pseudonyms of the file's own ids, computed on accepted rows only.
  const inheritedNames = new Set(inherited.map((s) => s.split(" AS ")[1]));
  const ownHashes = columns
    .filter((c) => c.pseudonymised && !inheritedNames.has(pseudonymColumn(c.name)))
    .map((c) => `${pseudonymSql(q(c.name), key)} AS ${pseudonymColumn(c.name)}`);
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${accepted} AS
    SELECT * EXCLUDE (__column, __reason)${ownHashes.length ? ", " + ownHashes.join(", ") : ""} FROM ${judged} WHERE __reason IS NULL`);
  await engine.run(`DROP TABLE ${judged}`);

  // The published table: identifiers never read, individuals pseudonymised, line numbers dropped.
  const published = columns.map((c) => (c.pseudonymised ? `${pseudonymColumn(c.name)} AS ${q(c.name)}` : q(c.name)));
  await engine.run(`CREATE OR REPLACE TABLE ${file.name} AS SELECT ${published.join(", ")} FROM ${accepted}`);
  const [{n}] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM ${accepted}`);
  const [{r}] = await engine.all<{r: number}>(`SELECT count(*) AS r FROM rejects WHERE file = ${literal(raw.display)}`);
  // Nothing is lost silently: a row that is neither accepted nor rejected is a bug, not a user's mistake.
  if (raw.rowsRead !== n + r)
    throw new Error(`${raw.display}: ${raw.rowsRead} rows read but ${n} accepted + ${r} rejected`);
  return {file: raw.display, rows_read: raw.rowsRead, rows_accepted: n, rows_rejected: r};
}

const stagedTypes = {text: "VARCHAR", date: "DATE", integer: "INTEGER", decimal: "DOUBLE"} as const;

/**
 * An optional file that was not delivered: its table exists, empty, with the columns and types it would have
 * (so loaders and the staged cache read it like any other), and files referring to it find no accepted rows.
 */
export async function stageAbsentFile(engine: DuckDbEngine, file: FileContract): Promise<void> {
  const columns = file.columns.filter((c) => !c.identifier);
  const typed = columns.map((c) => `${q(c.name)} ${stagedTypes[c.type]}`);
  const hashes = columns.filter((c) => c.pseudonymised).map((c) => `${pseudonymColumn(c.name)} VARCHAR`);
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE accepted_${file.name} (__line BIGINT, ${[...typed, ...hashes].join(", ")})`
  );
  await engine.run(`CREATE OR REPLACE TABLE ${file.name} (${typed.join(", ")})`);
}
