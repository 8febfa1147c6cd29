/**
 * Values reach SQL only through these helpers: identifiers are validated against a strict pattern,
 * literals are escaped. No engine here takes server-side parameters (ClickHouse 18.16 has none).
 */
import {CarnetError} from "../errors.ts";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column or table name, checked rather than escaped: anything odd is refused. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new CarnetError(`not a valid SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

/** DuckDB's parser ends a statement at a NUL byte: no text value may hold one, on any engine. */
function checkText(value: string): string {
  if (value.includes("\u0000"))
    throw new CarnetError("a text value holds a NUL character, which SQL text cannot carry");
  return value;
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new CarnetError(`not a finite number: ${value}`);
  return String(value);
}

/**
 * A string literal for DuckDB (standard SQL): quotes doubled. Backslashes are ordinary characters in DuckDB
 * strings, so they stay as they are (escaping them would double them in the value).
 */
export function literal(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return numberLiteral(value);
  return `'${checkText(value).replace(/'/g, "''")}'`;
}

/**
 * A string literal for ClickHouse, whose strings take backslash escapes: backslashes and quotes escaped.
 * Statements in `sql/clickhouse/` use this one; the two engines have no common form for a backslash.
 */
export function clickhouseLiteral(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return numberLiteral(value);
  return `'${checkText(value).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
