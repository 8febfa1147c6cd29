import {describe, expect, it} from "vitest";
import {checkDetectorRuns} from "../../loaders/detectors/check.ts";
import {readDetectorRuns} from "../../loaders/detectors/runs.ts";
import {manifestFor, runsFolder} from "./run-folders.ts";

describe("reading a detector-runs folder", () => {
  it("scores a valid run and keeps its manifest", async () => {
    const dir = runsFolder([
      {
        folder: "cm-casia",
        predictions: "document_id,label,score,decision\nd1,1,0.9,1\nd2,0,0.8,0\nd3,1,0.35,0\nd4,0,0.1,0\n"
      }
    ]);
    const result = await readDetectorRuns(dir);
    expect(result.problems).toEqual([]);
    expect(result.runs).toHaveLength(1);
    const [run] = result.runs;
    expect(run.current).toBe(true);
    expect(run.manifest).toMatchObject({
      run_id: "cm-casia",
      detector: "copy-move",
      detector_version: "2.1.0",
      dataset: "CASIA",
      threshold: 0.5,
      params: {block_size: 16}
    });
    // Pairs won: 0.9 beats both genuine (2), 0.35 beats 0.1 (1): 3/4.
    expect(run.metrics.auc).toBe(0.75);
    expect({tp: run.metrics.tp, fp: run.metrics.fp, tn: run.metrics.tn, fn: run.metrics.fn}).toEqual({
      tp: 1,
      fp: 0,
      tn: 2,
      fn: 1
    });
    expect(run.accounting).toEqual({rows_read: 4, rows_accepted: 4, rows_rejected: 0});
  });

  it("reads semicolon files with decimal commas", async () => {
    const dir = runsFolder([{folder: "fr", predictions: "document_id;label;score\nd1;1;0,9\nd2;0;0,35\nd3;1;0,4\n"}]);
    const [run] = (await readDetectorRuns(dir)).runs;
    // Forged 0.9 and 0.4 both beat genuine 0.35.
    expect(run.metrics.auc).toBe(1);
    expect(run.metrics.n).toBe(3);
  });

  it("rejects bad rows with file, line, column and reason, and scores the rest", async () => {
    const csv =
      [
        "document_id,label,score,decision",
        "d1,1,0.9,1",
        "d2,2,0.8,0",
        "d3,0,abc,0",
        "d4,1,0.7,yes",
        "d5,0,0.2",
        "d1,0,0.3,0",
        ",0,0.3,0",
        "d8,0,0.1,0"
      ].join("\n") + "\n";
    const dir = runsFolder([{folder: "bad-rows", predictions: csv}]);
    const result = await readDetectorRuns(dir);
    const file = "detector-runs/bad-rows/predictions.csv";
    expect(result.problems).toEqual([
      {file, line: 3, column: "label", reason: 'label must be 0 (genuine) or 1 (forged), got "2"'},
      {file, line: 4, column: "score", reason: 'score must be a finite number, got "abc"'},
      {file, line: 5, column: "decision", reason: 'decision must be 0 or 1 (or empty), got "yes"'},
      {file, line: 6, column: "decision", reason: "expected number of fields: 4 found: 3"},
      {
        file,
        line: 7,
        column: "document_id",
        reason: "document_id repeats the one on line 2; expected one row per document"
      },
      {file, line: 8, column: "document_id", reason: "document_id is empty; expected a document identifier"}
    ]);
    const [run] = result.runs;
    expect(run.accounting).toEqual({rows_read: 8, rows_accepted: 2, rows_rejected: 6});
    expect(run.metrics.n).toBe(2);
  });

  it("numbers lines correctly after a line with too many fields", async () => {
    const csv = "document_id,label,score\nd1,1,0.9,extra\nd2,0,0.1\nd3,7,0.5\n";
    const result = await readDetectorRuns(runsFolder([{folder: "r", predictions: csv}]));
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, null],
      [4, "label"]
    ]);
  });

  it("rejects a run whose manifest is missing, not JSON, or lacks fields, naming each problem", async () => {
    const dir = runsFolder([
      {folder: "no-manifest", manifest: null},
      {folder: "not-json", manifest: '{\n  "run_id": "not-json",\n  "detector": oops\n}'},
      {
        folder: "incomplete",
        manifest: {run_id: "incomplete", detector: "copy-move", threshold: "high", started_at: "yesterday"}
      }
    ]);
    const result = await readDetectorRuns(dir);
    expect(result.runs).toEqual([]);
    expect(result.rejected.map((r) => r.folder)).toEqual(["incomplete", "no-manifest", "not-json"]);
    const byFile = (f: string) => result.problems.filter((p) => p.file === `detector-runs/${f}/manifest.json`);
    expect(byFile("no-manifest")).toEqual([
      {
        file: "detector-runs/no-manifest/manifest.json",
        line: null,
        column: null,
        reason: expect.stringContaining("missing")
      }
    ]);
    expect(byFile("not-json")).toHaveLength(1);
    expect(byFile("not-json")[0].line).toBe(3);
    expect(
      byFile("incomplete")
        .map((p) => p.column)
        .sort()
    ).toEqual(["dataset", "detector_version", "started_at", "threshold"]);
    expect(byFile("incomplete").find((p) => p.column === "threshold")).toMatchObject({line: 4}); // "{", run_id, detector, threshold
  });

  it("rejects a run without predictions, or without a score column", async () => {
    const dir = runsFolder([
      {folder: "no-predictions", predictions: null},
      {folder: "no-score", predictions: "document_id,label,proba\nd1,1,0.9\n"}
    ]);
    const result = await readDetectorRuns(dir);
    expect(result.runs).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: "detector-runs/no-predictions/predictions.csv",
        line: null,
        column: null,
        reason: expect.stringContaining("missing")
      },
      {
        file: "detector-runs/no-score/predictions.csv",
        line: 1,
        column: "score",
        reason: expect.stringContaining("header lacks score")
      }
    ]);
  });

  it("requires a decision on every row when the manifest has no threshold", async () => {
    const dir = runsFolder([
      {
        folder: "r",
        manifest: manifestFor("r", {threshold: null}),
        predictions: "document_id,label,score,decision\nd1,1,0.9,1\nd2,0,0.2,\n"
      }
    ]);
    const result = await readDetectorRuns(dir);
    expect(result.problems).toEqual([
      {
        file: "detector-runs/r/predictions.csv",
        line: 3,
        column: "decision",
        reason: expect.stringContaining("no threshold")
      }
    ]);
  });

  it("rejects a run none of whose rows can be used", async () => {
    const dir = runsFolder([{folder: "r", predictions: "document_id,label,score\nd1,x,0.9\n"}]);
    const result = await readDetectorRuns(dir);
    expect(result.runs).toEqual([]);
    expect(result.rejected.map((r) => r.folder)).toEqual(["r"]);
    expect(result.problems.at(-1)?.reason).toContain("no prediction row was accepted");
  });

  it("shows the newest of several runs of one detector version on one dataset and keeps the others as history", async () => {
    const dir = runsFolder([
      {folder: "old", manifest: manifestFor("old", {started_at: "2026-01-05T08:00:00Z"})},
      {folder: "new", manifest: manifestFor("new", {started_at: "2026-03-02T10:12:00Z"})},
      {
        folder: "other-version",
        manifest: manifestFor("other-version", {detector_version: "2.0.0", started_at: "2025-12-01T00:00:00Z"})
      }
    ]);
    const result = await readDetectorRuns(dir);
    expect(result.runs.map((r) => [r.manifest.run_id, r.current])).toEqual([
      ["other-version", true],
      ["new", true],
      ["old", false]
    ]);
  });

  it("orders versions numerically, 2.10.0 after 2.9.0", async () => {
    const dir = runsFolder([
      {folder: "a", manifest: manifestFor("a", {detector_version: "2.10.0"})},
      {folder: "b", manifest: manifestFor("b", {detector_version: "2.9.0"})}
    ]);
    expect((await readDetectorRuns(dir)).runs.map((r) => r.manifest.detector_version)).toEqual(["2.9.0", "2.10.0"]);
  });

  it("reports a missing runs folder instead of failing", async () => {
    const result = await readDetectorRuns("/nonexistent/detector-runs");
    expect(result.runs).toEqual([]);
    expect(result.problems[0].reason).toContain("runs folder not found");
  });
});

describe("checkDetectorRuns", () => {
  it("lists accepted runs with their row accounting and every problem", async () => {
    const dir = runsFolder([
      {folder: "good", predictions: "document_id,label,score\nd1,1,0.9\nd2,0,0.1\nd3,0,nan?\n"},
      {folder: "broken", manifest: "not json"}
    ]);
    const check = await checkDetectorRuns(dir);
    expect(check.runs).toEqual([{folder: "good", run_id: "good", rows_read: 3, rows_accepted: 2, rows_rejected: 1}]);
    expect(check.rejectedRuns).toEqual(["broken"]);
    expect(check.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ["detector-runs/broken/manifest.json", 1, null],
      ["detector-runs/good/predictions.csv", 4, "score"]
    ]);
  });
});

describe("file dialects the contract allows", () => {
  it("reads a UTF-8 file with a byte-order mark", async () => {
    const dir = runsFolder([{folder: "bom", predictions: "\uFEFFdocument_id,label,score\nd1,1,0.9\nd2,0,0.1\n"}]);
    const result = await readDetectorRuns(dir);
    expect(result.problems).toEqual([]);
    expect(result.runs[0].metrics.auc).toBe(1);
  });

  it("reads a Windows-1252 file", async () => {
    const dir = runsFolder([{folder: "cp1252", predictions: null}]);
    const {writeFileSync} = await import("node:fs");
    // "reçu-€" in Windows-1252: ç = 0xE7, € = 0x80 (not valid UTF-8).
    const bytes = Buffer.concat([
      Buffer.from("document_id;label;score\nre"),
      Buffer.from([0xe7]),
      Buffer.from("u-"),
      Buffer.from([0x80]),
      Buffer.from(";1;0,8\nd2;0;0,2\n")
    ]);
    writeFileSync(`${dir}/cp1252/predictions.csv`, bytes);
    const result = await readDetectorRuns(dir);
    expect(result.problems).toEqual([]);
    expect(result.runs[0].metrics).toMatchObject({n: 2, positives: 1, auc: 1});
  });

  it("reads predictions delivered as Parquet instead of CSV, rejecting bad rows by row number", async () => {
    const dir = runsFolder([{folder: "pq", predictions: null}]);
    const {DuckDbEngine} = await import("../../loaders/engine/duckdb.ts");
    const engine = await DuckDbEngine.open();
    await engine.run(
      `COPY (SELECT * FROM (VALUES ('d1', 1, 0.9, NULL), ('d2', 0, 0.4, 0), ('d3', 3, 0.5, 1)) t(document_id, label, score, decision)) TO '${dir}/pq/predictions.parquet' (FORMAT parquet)`
    );
    await engine.close();
    const result = await readDetectorRuns(dir);
    expect(result.problems).toEqual([
      {
        file: "detector-runs/pq/predictions.parquet",
        line: 3,
        column: "label",
        reason: 'label must be 0 (genuine) or 1 (forged), got "3"'
      }
    ]);
    expect(result.runs[0].metrics).toMatchObject({n: 2, auc: 1, tp: 1, tn: 1, decision_source: "mixed"});
  });
});
