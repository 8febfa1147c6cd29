/**
 * Works out how a delivered CSV file is written, within what the contract allows: encoding UTF-8 (BOM or not)
 * or Windows-1252, delimiter `,` or `;` (with `;`, decimals may use a comma). Dates are handled per value.
 * Anything outside that is a fatal, one-line error naming the file.
 */
import {isUtf8} from "node:buffer";
import {closeSync, openSync, readSync, statSync} from "node:fs";
import {basename} from "node:path";
import {CarnetError} from "../errors.ts";

export interface Dialect {
  encoding: "utf-8" | "windows-1252";
  delimiter: "," | ";";
  /** Decimal comma allowed (only with `;`). */
  decimalComma: boolean;
  /** Header field names, as written. */
  header: string[];
}

const CHUNK = 1 << 22;

export function sniffDialect(path: string, display = basename(path)): Dialect {
  const encoding = detectEncoding(path, display);
  const first = readHead(path, 64 * 1024);
  const text = new TextDecoder(encoding).decode(first).replace(/^\uFEFF/, "");
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (!headerLine.trim())
    throw new CarnetError(`${display} line 1: expected a header line with column names, found an empty line`);
  const semicolons = countOutsideQuotes(headerLine, ";");
  const commas = countOutsideQuotes(headerLine, ",");
  const delimiter = semicolons > commas ? ";" : ",";
  const header = headerLine.split(delimiter).map((name) => name.trim().replace(/^"(.*)"$/, "$1"));
  return {encoding, delimiter, decimalComma: delimiter === ";", header};
}

function detectEncoding(path: string, display: string): Dialect["encoding"] {
  const head = readHead(path, 64 * 1024);
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new CarnetError(`${display}: file is UTF-16; expected UTF-8 or Windows-1252 text`);
  }
  if (head.includes(0))
    throw new CarnetError(`${display}: not a text CSV file (it holds NUL bytes); expected UTF-8 or Windows-1252 text`);
  return isWholeFileUtf8(path) ? "utf-8" : "windows-1252";
}

/** Checks the whole file in chunks, carrying an incomplete multi-byte character over to the next chunk. */
function isWholeFileUtf8(path: string): boolean {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK + 4);
    let carried = 0;
    let position = 0;
    while (position < size) {
      const read = readSync(fd, buffer, carried, CHUNK, position);
      position += read;
      let end = carried + read;
      const last = position >= size;
      let keep = 0;
      if (!last) {
        // Step back over continuation bytes to the start of the last character, which may be incomplete.
        let i = end - 1;
        while (i > 0 && end - i < 4 && (buffer[i] & 0xc0) === 0x80) i--;
        keep = end - i;
        end = i;
      }
      if (!isUtf8(buffer.subarray(0, end))) return false;
      buffer.copy(buffer, 0, end, end + keep);
      carried = keep;
      if (read === 0) break;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}
