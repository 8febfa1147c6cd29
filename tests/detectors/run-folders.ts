import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export interface RunSpec {
  folder: string;
  manifest?: Record<string, unknown> | string | null;
  predictions?: string | null;
}

export function manifestFor(run_id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    run_id,
    detector: "copy-move",
    detector_version: "2.1.0",
    dataset: "CASIA",
    dataset_version: "v2",
    threshold: 0.5,
    params: {block_size: 16},
    code_commit: "9f2c1e7",
    started_at: "2026-03-02T10:12:00Z",
    ...overrides
  };
}

/** A detector-runs folder built by hand in a temporary directory. */
export function runsFolder(runs: RunSpec[]): string {
  const root = mkdtempSync(join(tmpdir(), "carnet-runs-test-"));
  const dir = join(root, "detector-runs");
  mkdirSync(dir);
  for (const run of runs) {
    const folder = join(dir, run.folder);
    mkdirSync(folder);
    const manifest = run.manifest === undefined ? manifestFor(run.folder) : run.manifest;
    if (manifest !== null)
      writeFileSync(
        join(folder, "manifest.json"),
        typeof manifest === "string" ? manifest : JSON.stringify(manifest, null, 2)
      );
    if (run.predictions !== null)
      writeFileSync(
        join(folder, "predictions.csv"),
        run.predictions ?? "document_id,label,score\nd1,1,0.9\nd2,0,0.1\n"
      );
  }
  return dir;
}
