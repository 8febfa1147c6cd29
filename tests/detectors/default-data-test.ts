// @vitest-environment jsdom
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {pageData} from "../../loaders/detectors/page-data.ts";
import {readDetectorRuns, type DetectorRunsResult} from "../../loaders/detectors/runs.ts";
import {detectorMatrix} from "../../src/components/detectors/matrix.ts";
import {compareVersions} from "../../src/lib/detectors/compare.ts";
import {carnet} from "../cli/run-carnet.ts";

interface Truth {
  detectors: {
    detector: string;
    detector_version: string;
    dataset: string;
    runs: {run_id: string; documents: number; forged: number; realised_auc: number}[];
  }[];
}

describe("the default generated data", () => {
  let result: DetectorRunsResult;
  let truth: Truth;
  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "carnet-detectors-default-")), "extracts");
    const generated = carnet(["generate", "--out", out]);
    expect(generated.code, generated.stderr).toBe(0);
    truth = JSON.parse(readFileSync(join(out, "truth.json"), "utf8"));
    result = await readDetectorRuns(join(out, "detector-runs"));
  });

  it("is read without a problem", () => {
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
  });

  it("fills the matrix: 3 detectors by 10 datasets, copy-move in versions 2.0.0 and 2.1.0, no cell not run", () => {
    const data = pageData(result);
    const current = data.runs.filter((r) => r.current);
    expect([...new Set(current.map((r) => r.detector))].sort()).toEqual(["copy-move", "image-splicing", "watch-list"]);
    expect(data.datasets).toHaveLength(10);
    expect(
      [...new Set(current.filter((r) => r.detector === "copy-move").map((r) => r.detector_version))].sort()
    ).toEqual(["2.0.0", "2.1.0"]);
    const matrix = detectorMatrix(current, {metric: "auc", datasets: data.datasets});
    const rows = matrix.querySelectorAll("text.version").length;
    expect(matrix.querySelectorAll("g.cell")).toHaveLength(rows * 10);
    expect(matrix.querySelectorAll("g.cell.not-run")).toHaveLength(0);
    const values = [...matrix.querySelectorAll("g.cell > text")].map((t) => t.textContent);
    expect(values.every((v) => /^0\.\d{3}$|^1\.000$/.test(v ?? ""))).toBe(true);
  });

  it("scores every run with the AUC the generator realised (its own rank-sum computation, 4 decimals)", () => {
    const expected = truth.detectors.flatMap((cell) => cell.runs);
    expect(result.runs).toHaveLength(expected.length);
    for (const t of expected) {
      const run = result.runs.find((r) => r.manifest.run_id === t.run_id)!;
      expect(run, t.run_id).toBeDefined();
      expect(run.metrics.n).toBe(t.documents);
      expect(run.metrics.positives).toBe(t.forged);
      expect(Math.abs(run.metrics.auc! - t.realised_auc), t.run_id).toBeLessThanOrEqual(0.00005 + 1e-12);
    }
  });

  it("shows the newest of repeated runs and keeps the others as history", () => {
    const repeated = truth.detectors.filter((cell) => cell.runs.length > 1);
    for (const cell of repeated) {
      const runs = result.runs.filter(
        (r) =>
          r.manifest.detector === cell.detector &&
          r.manifest.detector_version === cell.detector_version &&
          r.manifest.dataset === cell.dataset
      );
      expect(runs.filter((r) => r.current)).toHaveLength(1);
      const newest = [...runs].sort((a, b) => Date.parse(b.manifest.started_at) - Date.parse(a.manifest.started_at))[0];
      expect(newest.current).toBe(true);
    }
  });

  it("compares copy-move 2.1.0 with 2.0.0 on all 10 datasets", () => {
    const data = pageData(result);
    const c = compareVersions(data.runs, "copy-move", "2.0.0", "2.1.0", "auc");
    expect(c.rows).toHaveLength(10);
    expect(c.improved + c.worse + c.unchanged).toBe(10);
  });
});
