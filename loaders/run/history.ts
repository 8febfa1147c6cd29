/**
 * The run history, DIR/runs.jsonl: one JSON line appended per run, whatever its end (published, nothing to do,
 * refused, failed). Appending one line is atomic enough for one writer, and the refresh lock makes it the only one.
 */
import {appendFileSync, existsSync, readFileSync} from "node:fs";
import {join} from "node:path";

export type RunStatus = "published" | "unchanged" | "refused" | "failed";
export type StepStatus = "ok" | "failed" | "skipped";

export interface RunRecord {
  run_id: string;
  started_at: string;
  ended_at: string;
  status: RunStatus;
  /** The delivery's name (<snapshot>-<fingerprint>), once known; the published folder when published. */
  delivery: string | null;
  /** The extract folder read. */
  extracts: string;
  snapshot_date: string | null;
  fingerprint: string | null;
  steps: {name: string; seconds: number; status: StepStatus}[];
  rows: {read: number; accepted: number; rejected: number} | null;
  alerts: {new: number; continuing: number; closed: number} | null;
  error: string | null;
}

export const RUNS_FILE = "runs.jsonl";

export function appendRun(dir: string, record: RunRecord): void {
  appendFileSync(join(dir, RUNS_FILE), `${JSON.stringify(record)}\n`);
}

/** Every complete line of the history, oldest first (a line cut by a crash is skipped, not fatal). */
export function readRuns(dir: string): RunRecord[] {
  const path = join(dir, RUNS_FILE);
  if (!existsSync(path)) return [];
  const runs: RunRecord[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      runs.push(JSON.parse(line) as RunRecord);
    } catch {
      // a line cut short by a crash
    }
  }
  return runs;
}
