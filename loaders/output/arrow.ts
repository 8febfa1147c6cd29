/**
 * Writes loader output as Arrow IPC (stream format) on stdout. Pages read it with
 * `FileAttachment("data/x.arrow").arrow()` or a `sql:` front-matter table (DuckDB-Wasm reads Arrow offline,
 * not Parquet). Columns are typed from the values: numbers become Float64, strings Utf8, booleans Bool.
 */
import {Table, tableFromArrays, tableToIPC, vectorFromArray, type DataType} from "apache-arrow";
import type {Row} from "../engine/engine.ts";

export function rowsToArrow(rows: readonly Row[], columns?: string[]): Table {
  const names = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const arrays: Record<string, unknown[] | Float64Array> = {};
  for (const name of names) {
    const values = rows.map((row) => row[name] ?? null);
    const isNumeric = values.every((v) => v === null || typeof v === "number");
    const hasNull = values.some((v) => v === null);
    // A numeric column without nulls becomes a Float64Array (compact); with nulls, a nullable Float64 via Array.
    arrays[name] = isNumeric && !hasNull ? Float64Array.from(values as number[]) : values;
  }
  return tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]);
}

/**
 * Rows as an Arrow IPC stream with a type given per column, in the order given: for a file large enough that
 * narrow types (8-bit dictionaries of labels, small integers) matter to what a page downloads.
 */
export function typedArrowBytes(rows: readonly Row[], types: Record<string, DataType>): Uint8Array {
  const vectors = Object.fromEntries(
    Object.entries(types).map(([name, type]) => [
      name,
      vectorFromArray(
        rows.map((row) => row[name] ?? null),
        type
      )
    ])
  );
  return tableToIPC(new Table(vectors), "stream");
}

export function arrowBytes(rows: readonly Row[], columns?: string[]): Uint8Array {
  return tableToIPC(rowsToArrow(rows, columns), "stream");
}

export async function writeArrow(rows: readonly Row[], columns?: string[]): Promise<void> {
  await writeStdout(arrowBytes(rows, columns));
}

export async function writeStdout(bytes: Uint8Array | string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()))
  );
}
