/**
 * What the home and data-quality pages say about the extract folder in use: where it is, as of when,
 * rows read / accepted / rejected per file, and the rejects (masked for publication, capped in number).
 */
import {relative} from "node:path";
import {projectRoot} from "./location.ts";
import type {Extracts} from "./open.ts";
import {publicRejects} from "./public-rejects.ts";
import * as clickhouseReasons from "./sql/clickhouse/reject-reasons.ts";
import * as duckdbReasons from "./sql/duckdb/reject-reasons.ts";
import type {Reject} from "./stage.ts";
import {rowTotals, type FileAccounting} from "./validate.ts";

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
  const totals = rowTotals(files);
  // Engine seam: the statement for the engine that holds the rejects (DuckDB staging or the ingested cluster).
  const sql =
    extracts.engine.kind === "clickhouse" ? clickhouseReasons.rejectReasonsSql : duckdbReasons.rejectReasonsSql;
  const reasons = await extracts.engine.all<ExtractSummary["reasons"][number]>(sql());
  const folder = relative(projectRoot, extracts.dir);
  return {
    folder: folder.startsWith("..") ? extracts.dir : folder,
    snapshot_date: extracts.snapshotDate,
    files,
    rows_read: totals.read,
    rows_accepted: totals.accepted,
    rows_rejected: totals.rejected,
    rejects: publicRejects(extracts.accounting.rejects.slice(0, PUBLISHED_REJECTS)),
    reasons: reasons.map((r) => ({...r, kind: r.kind}))
  };
}
