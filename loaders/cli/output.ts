import {csvFormat} from "d3";

/** Writes machine output on stdout: JSON as is, CSV from an array of flat records. */
export function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

export function writeCsv(rows: readonly Record<string, unknown>[], columns?: string[]): void {
  const flat = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)])));
  process.stdout.write(csvFormat(flat, columns) + "\n");
}

/** Progress goes to stderr, and only when a person watches it (stderr is a terminal). */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
}

export function warn(message: string): void {
  process.stderr.write(`carnet: warning: ${message}\n`);
}
