/**
 * Stages an extract folder: every contract file is loaded, validated and pseudonymised into a DuckDB table of
 * the same name, in dependency order (references point to files staged before); an optional file that is absent
 * becomes an empty table of the same columns. Returns the engine holding those tables plus `rejects`, and the
 * accounting `rows read = rows accepted + rows rejected` per file read.
 */
import {DuckDbEngine} from "../engine/duckdb.ts";
import {progress, progressDone} from "../progress.ts";
import {contract} from "./contract.ts";
import {locateFile, loadRaw} from "./raw.ts";
import {stageAbsentFile, validateFile, type FileAccounting} from "./validate.ts";

export interface Reject {
  file: string;
  /** Null for a problem about a whole file (detector runs). */
  line: number | null;
  column: string | null;
  reason: string;
}

export interface Accounting {
  files: FileAccounting[];
  rejects: Reject[];
}

export interface Staged {
  engine: DuckDbEngine;
  files: FileAccounting[];
  /** Latest date found in the data: the extract's "as of" date. */
  snapshotDate: string | null;
}

export async function stageExtracts(dir: string, key: string, engine?: DuckDbEngine): Promise<Staged> {
  engine ??= await DuckDbEngine.open();
  await engine.run(`CREATE OR REPLACE TABLE rejects (file VARCHAR, line BIGINT, "column" VARCHAR, reason VARCHAR)`);
  const files: FileAccounting[] = [];
  for (const [i, file] of contract.entries()) {
    // An optional file not delivered: an empty table, no accounting line (nothing was read).
    if (file.optional && !locateFile(dir, file)) {
      await stageAbsentFile(engine, file);
      continue;
    }
    progress(`staging ${file.name} (${i + 1}/${contract.length}): reading`);
    const raw = await loadRaw(engine, dir, file);
    progress(
      `staging ${file.name} (${i + 1}/${contract.length}): validating ${raw.rowsRead.toLocaleString("en-US")} rows`
    );
    files.push(await validateFile(engine, raw, file, key));
  }
  progressDone();
  const [{snapshot}] = await engine.all<{snapshot: string | null}>(`SELECT greatest(
      (SELECT max(declared_date) FROM claims), (SELECT max(event_date) FROM claims),
      (SELECT max(ordered_date) FROM expertises), (SELECT max(scored_date) FROM scores)) AS snapshot`);
  return {engine, files, snapshotDate: snapshot};
}

export async function readRejects(engine: DuckDbEngine, limit?: number): Promise<Reject[]> {
  return engine.all<Reject & Record<string, unknown>>(
    `SELECT file, line, "column", reason FROM rejects ORDER BY file, line${limit === undefined ? "" : ` LIMIT ${Math.floor(limit)}`}`
  );
}
