/**
 * Every table a built site publishes, whatever the analysis: Arrow IPC files, CSV files, and each array of records
 * inside a JSON file (at its path, e.g. `value-report.json#rows`). The privacy scan (privacy-scan.ts) reads them all,
 * so a new loader's output is checked the day it is added, without anyone listing it.
 */
import {readFileSync} from "node:fs";
import {extname, join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {csvParse} from "d3";

export type Value = string | number | boolean | null;
export interface PublishedTable {
  /** File under dist/, with `#path` for a table inside a JSON document. */
  name: string;
  columns: string[];
  rows: Record<string, Value>[];
}

function plain(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Arrays of records anywhere in a JSON document, each with its path. */
function jsonTables(name: string, document: unknown): PublishedTable[] {
  const tables: PublishedTable[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      const records = value.filter(isRecord);
      if (records.length && records.length === value.length) {
        const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
        tables.push({
          name: `${name}#${path}`,
          columns,
          rows: records.map((r) => Object.fromEntries(columns.map((c) => [c, plain(isRecord(r[c]) ? null : r[c])])))
        });
      }
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(document, "");
  return tables;
}

/** The tables of one published file (none for files that hold no data: pages, scripts, images). */
export function tablesOf(dir: string, file: string): PublishedTable[] {
  const ext = extname(file).toLowerCase();
  const path = join(dir, file);
  if (ext === ".arrow") {
    const table = tableFromIPC(readFileSync(path));
    const columns = table.schema.fields.map((f) => f.name);
    const rows = table.toArray().map((row) => {
      const json = row.toJSON() as Record<string, unknown>;
      return Object.fromEntries(columns.map((c) => [c, plain(json[c])]));
    });
    return [{name: file, columns, rows}];
  }
  if (ext === ".csv") {
    const parsed = csvParse(readFileSync(path, "utf8"));
    const rows = parsed.map((row) => {
      const out: Record<string, Value> = {};
      for (const c of parsed.columns) {
        const text = row[c] ?? "";
        out[c] = text === "" ? null : Number.isFinite(Number(text)) ? Number(text) : text;
      }
      return out;
    });
    return [{name: file, columns: parsed.columns, rows}];
  }
  if (ext === ".json") return jsonTables(file, JSON.parse(readFileSync(path, "utf8")));
  return [];
}
