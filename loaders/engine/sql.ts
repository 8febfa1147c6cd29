/**
 * Values reach SQL only through these helpers: identifiers are validated against a strict pattern,
 * literals are escaped. No engine here takes server-side parameters (ClickHouse 18.16 has none).
 */
import {CarnetError} from "../cli/errors.ts";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column or table name, checked rather than escaped: anything odd is refused. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new CarnetError(`not a valid SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

/** A string literal with quotes and backslashes escaped (valid in DuckDB and ClickHouse). */
export function literal(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new CarnetError(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
