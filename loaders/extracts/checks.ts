/**
 * SQL for one column of the contract: how its text becomes a typed value, and the checks (in order) whose
 * first failure gives a rejected row its reason. Raw values are VARCHAR (NULL when the field is empty).
 */
import type {Column, FileContract} from "./contract.ts";

export interface Check {
  column: string;
  /** SQL condition, true when the row breaks the rule. */
  bad: string;
  /** SQL string expression: the reason written to the rejects report. */
  reason: string;
}

const q = (name: string) => `"${name}"`;
const quoteSql = (text: string) => `'${text.replace(/'/g, "''")}'`;
const got = (raw: string) => `' got "' || ${raw} || '"'`;

/** Typed value of a raw column. */
export function typedSql(column: Column, decimalComma: boolean): string {
  const raw = q(column.name);
  switch (column.type) {
    case "text":
      return raw;
    case "date":
      return `CAST(COALESCE(try_strptime(${raw}, '%Y-%m-%d'), try_strptime(${raw}, '%d/%m/%Y')) AS DATE)`;
    case "integer":
      // Strict: DuckDB would round "2021.5" to 2022 when casting text to INTEGER.
      return `CASE WHEN regexp_full_match(trim(${raw}), '[+-]?[0-9]+') THEN TRY_CAST(trim(${raw}) AS INTEGER) END`;
    case "decimal":
      return `TRY_CAST(${decimalComma ? `replace(${raw}, ',', '.')` : raw} AS DOUBLE)`;
  }
}

/** Name under which a column's typed value is computed once, before the checks read it. */
export function typedName(column: Column): string {
  return column.type === "text" ? q(column.name) : q(`__t_${column.name}`);
}

export function columnChecks(column: Column, decimalComma: boolean): Check[] {
  const raw = q(column.name);
  const typed = typedName(column);
  const checks: Check[] = [];
  const name = column.name;
  if (column.required) checks.push({column: name, bad: `${raw} IS NULL`, reason: quoteSql(`required value is empty`)});
  if (column.type === "date") {
    checks.push({
      column: name,
      bad: `${raw} IS NOT NULL AND ${typed} IS NULL`,
      reason: `'expected a date (YYYY-MM-DD or DD/MM/YYYY),' || ${got(raw)}`
    });
  } else if (column.type === "integer") {
    checks.push({
      column: name,
      bad: `${raw} IS NOT NULL AND ${typed} IS NULL`,
      reason: `'expected an integer,' || ${got(raw)}`
    });
  } else if (column.type === "decimal") {
    const what = decimalComma ? "a number (decimal point or comma)" : "a number";
    checks.push({
      column: name,
      bad: `${raw} IS NOT NULL AND (${typed} IS NULL OR NOT isfinite(${typed}))`,
      reason: `'expected ${what},' || ${got(raw)}`
    });
  }
  if (column.values) {
    const list = column.values.map(quoteSql).join(", ");
    checks.push({
      column: name,
      bad: `${raw} IS NOT NULL AND ${raw} NOT IN (${list})`,
      reason: `'expected one of ${column.values.join(", ")},' || ${got(raw)}`
    });
  }
  if (column.nonNegative)
    checks.push({column: name, bad: `${typed} < 0`, reason: `'expected a non-negative amount,' || ${got(raw)}`});
  if (column.range) {
    const [min, max] = column.range;
    checks.push({
      column: name,
      bad: `${typed} < ${min} OR ${typed} > ${max}`,
      reason: `'expected a value between ${min} and ${max},' || ${got(raw)}`
    });
  }
  return checks;
}

/** Date pairs that must be in order when both are present. */
export function orderChecks(file: FileContract): Check[] {
  return (file.ordered ?? []).map(([earlier, later]) => {
    const column = (n: string) => file.columns.find((c) => c.name === n)!;
    const a = typedName(column(earlier));
    const b = typedName(column(later));
    return {
      column: later,
      bad: `${a} IS NOT NULL AND ${b} IS NOT NULL AND ${b} < ${a}`,
      reason: `'${later} ' || strftime(${b}, '%Y-%m-%d') || ' is before ${earlier} ' || strftime(${a}, '%Y-%m-%d')`
    };
  });
}

/** `CASE` expressions giving the first failing check's column and reason (NULL when the row passes). */
export function firstFailure(checks: readonly Check[]): {column: string; reason: string} {
  if (!checks.length) return {column: "NULL", reason: "NULL"};
  const column = `CASE ${checks.map((c) => `WHEN ${c.bad} THEN ${quoteSql(c.column)}`).join(" ")} END`;
  const reason = `CASE ${checks.map((c) => `WHEN ${c.bad} THEN ${c.reason}`).join(" ")} END`;
  return {column, reason};
}
