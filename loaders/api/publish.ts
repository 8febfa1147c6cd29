/**
 * What an API loader (src/api/v1/<name>.<format>.ts) does: write its dataset as JSON (an envelope naming the schema
 * version and the delivery, the rows under `data`) or CSV (the rows, columns in declared order, empty = null).
 */
import {csvFormat} from "d3";
import {writeStdout} from "../output/arrow.ts";
import {runContext, thisDeliveryFigures} from "../run/context.ts";
import {API_PREFIX, dataset} from "./datasets.ts";

export async function apiDocument(name: string): Promise<Record<string, unknown>> {
  const spec = dataset(name);
  return {
    dataset: spec.name,
    schema_version: spec.version,
    schema: `${API_PREFIX}/schema/${spec.name}.json`,
    snapshot_date: (await thisDeliveryFigures()).snapshot_date || null,
    delivery: runContext().delivery,
    data: await spec.rows()
  };
}

export function apiCsv(name: string, rows: readonly Record<string, unknown>[]): string {
  const columns = dataset(name).columns.map((c) => c.name);
  const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return `${csvFormat(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c, cell(row[c])]))),
    columns
  )}\n`;
}

export async function publishApi(name: string, format: "json" | "csv"): Promise<void> {
  const spec = dataset(name);
  if (!spec.formats.includes(format)) throw new Error(`${name}: no ${format} format in the API`);
  await writeStdout(format === "json" ? JSON.stringify(await apiDocument(name)) : apiCsv(name, await spec.rows()));
}
