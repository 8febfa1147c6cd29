/**
 * Streams CSV lines to a file through a buffer: rows are appended as strings and flushed in ~1 MB chunks with a
 * synchronous write, so memory stays flat however many rows a file gets, and the bytes do not depend on timing.
 */
import {closeSync, openSync, writeSync} from "node:fs";

const FLUSH_AT = 1 << 20;

export class CsvWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[]
  ) {
    this.fd = openSync(path, "w");
    this.push(header.join(",") + "\n");
  }

  /** Appends one row; values must already be CSV-safe (no comma, quote or newline) or quoted by `field`. */
  row(values: readonly (string | number)[]): void {
    this.push(values.join(",") + "\n");
    this.rows++;
  }

  /** Appends one row already joined (CSV-safe values, no line break): for hot loops, saves an array per row. */
  line(text: string): void {
    this.push(text + "\n");
    this.rows++;
  }

  private push(line: string): void {
    this.parts.push(line);
    this.size += line.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Quotes a text value when it holds a delimiter, quote or line break (RFC 4180). */
export function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Fixed 2-decimal money, so the same amount always prints the same bytes. */
export function money(value: number): string {
  return value.toFixed(2);
}
