/** Machine output of the CLI on stdout: JSON as is, CSV from an array of flat records. */
import {csvFormat} from "d3";

export function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

export function writeCsv(rows: readonly Record<string, unknown>[], columns?: string[]): void {
  const flat = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]))
  );
  process.stdout.write(csvFormat(flat, columns) + "\n");
}
