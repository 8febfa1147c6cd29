/**
 * The manifest of a staged delivery, `tables.json` beside its Parquet files: for every table its file, columns
 * and types and rows, with the delivery's snapshot date and the pseudonym key's fingerprint (which key made the
 * pseudonyms, without revealing it). What any language reads to find the governed tables: `carnet tables` prints
 * it, the Python and R helpers open the files it names. Built from the Parquet files themselves, so it cannot
 * disagree with them.
 */
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {literal} from "../engine/sql.ts";
import {contract} from "./contract.ts";

export interface TableManifest {
  table: string;
  file: string;
  rows: number;
  columns: {name: string; type: string}[];
}

export interface Manifest {
  snapshot_date: string | null;
  key_fingerprint: string;
  tables: TableManifest[];
}

export const MANIFEST = "tables.json";

/** The staged folder's manifest, written first when missing (`engine` reads Parquet; any DuckDB does). */
export async function stagedManifest(
  folder: string,
  engine: DuckDbEngine,
  about: {snapshotDate: string | null; keyFingerprint: string}
): Promise<Manifest> {
  const path = join(folder, MANIFEST);
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  const tables: TableManifest[] = [];
  for (const name of [...contract.map((f) => f.name), "rejects"]) {
    const file = join(folder, `${name}.parquet`);
    if (!existsSync(file)) continue;
    const columns = await engine.all<{name: string; type: string}>(
      `SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet(${literal(file)}))`
    );
    const [{rows}] = await engine.all<{rows: number}>(
      `SELECT sum(num_rows) AS rows FROM parquet_file_metadata(${literal(file)})`
    );
    tables.push({table: name, file, rows: Number(rows ?? 0), columns});
  }
  const manifest: Manifest = {snapshot_date: about.snapshotDate, key_fingerprint: about.keyFingerprint, tables};
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return manifest;
}
