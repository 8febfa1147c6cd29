/**
 * What the home and data-quality pages say about the extract folder in use: where it is, as of when,
 * rows read / accepted / rejected per file, and the rejects (masked for publication, capped in number).
 */
import {relative} from "node:path";
import type {Extracts} from "./open.ts";
import {projectRoot} from "./location.ts";
import {publicRejects} from "./public-rejects.ts";
import type {Reject} from "./stage.ts";
import type {FileAccounting} from "./validate.ts";

export const PUBLISHED_REJECTS = 2_000;

export interface ExtractSummary {
  folder: string;
  snapshot_date: string;
  files: FileAccounting[];
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  /** First rejects (masked); `rows_rejected` says how many there are in all. */
  rejects: Reject[];
  /** Count of rejects per file, column and reason kind, for the overview. */
  reasons: {file: string; column: string | null; kind: string; rows: number}[];
}

export async function summariseExtracts(extracts: Extracts): Promise<ExtractSummary> {
  const files = extracts.accounting.files;
  const sum = (key: keyof FileAccounting) => files.reduce((total, f) => total + (f[key] as number), 0);
  const reasons = await extracts.engine.all<ExtractSummary["reasons"][number]>(`
    SELECT file, "column", regexp_replace(reason, '"[^"]*"|\\d{4}-\\d{2}-\\d{2}|\\d+', '…', 'g') AS kind, count(*) AS rows
    FROM rejects GROUP BY ALL ORDER BY rows DESC, file, "column"`);
  const folder = relative(projectRoot, extracts.dir);
  return {
    folder: folder.startsWith("..") ? extracts.dir : folder,
    snapshot_date: extracts.snapshotDate,
    files,
    rows_read: sum("rows_read"),
    rows_accepted: sum("rows_accepted"),
    rows_rejected: sum("rows_rejected"),
    rejects: publicRejects(extracts.accounting.rejects.slice(0, PUBLISHED_REJECTS)),
    reasons: reasons.map((r) => ({...r, kind: r.kind}))
  };
}
