/**
 * The identifier scan of a built site (no-identifiers-test.ts), reusable on any folder laid out like dist/: direct
 * identifiers by shape (NIR, IBAN, e-mail, phone), and the extract folder's own employer names and NIRs by value.
 */
import {existsSync, readFileSync} from "node:fs";
import {extname, join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {csvParse} from "d3";
import {listFiles, projectRoot} from "./dist-files.ts";
import {findIdentifier} from "./identifiers.ts";

const TEXT = new Set([".html", ".js", ".mjs", ".json", ".csv", ".tsv", ".txt", ".md", ".css", ".svg", ".xml", ".map"]);
/** Data formats we cannot open here: a page must not ship them (DuckDB-Wasm reads Arrow, not Parquet, offline). */
export const UNSCANNABLE = new Set([".parquet", ".xlsx", ".zip", ".sqlite", ".db", ".gz"]);

/**
 * Library code: bundled by Framework or scripts/vendor-npm.ts from node_modules only, never from extracts. Their
 * licence comments name authors by e-mail, so contact-detail patterns are not applied there (NIR, IBAN and the
 * extract's own values still are). Pages (.html), loader outputs (_file/) and page modules (_import/) get every check.
 */
function isLibraryCode(file: string): boolean {
  return /^_(npm|node|observablehq)\//.test(file);
}

export const extractsDir = process.env.CARNET_EXTRACTS ?? join(projectRoot, "data", "extracts");

/** Every value of an Arrow IPC file, as text: string columns as is, numbers as their integer/decimal spelling. */
function arrowText(bytes: Uint8Array): string {
  const table = tableFromIPC(bytes);
  const parts: string[] = [];
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name);
    if (!column) continue;
    for (const value of column)
      if (value != null)
        parts.push(
          typeof value === "object"
            ? JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v))
            : String(value)
        );
  }
  return parts.join("\n"); // one value per line: no pattern spans two values
}

/** The published text of a dist file, or undefined for binaries without data (wasm, images, fonts). */
function publishedText(dir: string, file: string): string | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === ".arrow") return arrowText(readFileSync(join(dir, file)));
  if (TEXT.has(ext)) return readFileSync(join(dir, file), "utf8");
  return undefined;
}

function column(file: string, name: string): string[] {
  const path = join(extractsDir, file);
  if (!existsSync(path)) return [];
  return csvParse(readFileSync(path, "utf8"))
    .map((row) => row[name] ?? "")
    .filter((value) => value.length >= 6);
}

/** Known NIR bodies (13 digits, without the key) held by a run of digits, if any. */
function knownNirIn(text: string, bodies: Set<string>): string | undefined {
  for (const digits of text.match(/\d{13,}/g) ?? []) {
    for (let i = 0; i + 13 <= digits.length; i++) if (bodies.has(digits.slice(i, i + 13))) return digits;
  }
  return undefined;
}

function htmlEscaped(value: string): string[] {
  return [
    value,
    value.replace(/&/g, "&amp;").replace(/'/g, "&#39;"),
    value.replace(/&/g, "&amp;").replace(/'/g, "&#x27;"),
    JSON.stringify(value).slice(1, -1)
  ];
}

/** Every file of `dir` holding a direct identifier by its shape, as "file: kind value". */
export function identifierShapes(dir: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(dir)) {
    const text = publishedText(dir, file);
    const identifier = text === undefined ? undefined : findIdentifier(text, {contactDetails: !isLibraryCode(file)});
    if (identifier) found.push(`${file}: ${identifier}`);
  }
  return found;
}

/** The extract folder's employer names (at least 6 characters) and NIR bodies, to look for by value. */
export function extractIdentifiers(): {employers: string[]; nirBodies: Set<string>} {
  return {
    employers: column("contracts.csv", "employer_name"),
    nirBodies: new Set(column("insured.csv", "nir").map((nir) => nir.slice(0, 13)))
  };
}

/** Every file of `dir` holding one of the extract's employer names or NIRs, as "file: what". */
export function extractValuesIn(dir: string, {employers, nirBodies}: ReturnType<typeof extractIdentifiers>): string[] {
  const found: string[] = [];
  for (const file of listFiles(dir)) {
    const text = publishedText(dir, file);
    if (text === undefined) continue;
    const employer = employers.find((name) => htmlEscaped(name).some((spelling) => text.includes(spelling)));
    if (employer) found.push(`${file}: employer name "${employer}"`);
    const nir = knownNirIn(text, nirBodies); // with or without its key
    if (nir) found.push(`${file}: NIR ${nir}`);
  }
  return found;
}
