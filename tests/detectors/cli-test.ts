import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {carnet} from "../cli/run-carnet.ts";
import {manifestFor, runsFolder} from "./run-folders.ts";

const columns = [
  "run_id",
  "detector",
  "detector_version",
  "dataset",
  "dataset_version",
  "n",
  "positives",
  "auc",
  "average_precision",
  "precision",
  "recall",
  "f1",
  "accuracy",
  "threshold"
];

describe("carnet detectors", () => {
  const dir = runsFolder([
    // scikit-learn's documented example: AUC 0.75, AP 0.8333...; at 0.5 only the 0.8 document is flagged.
    {folder: "cm-casia", predictions: "document_id,label,score\na,0,0.1\nb,0,0.4\nc,1,0.35\nd,1,0.8\n"},
    // No forged document: AUC and AP undefined.
    {
      folder: "wl-blacklist",
      manifest: manifestFor("wl-blacklist", {detector: "watch-list", dataset: "BlackList 1"}),
      predictions: "document_id,label,score\na,0,0.1\nb,0,0.7\n"
    },
    {folder: "broken", manifest: "{"}
  ]);

  it("prints one JSON record per accepted run with the documented columns, unrounded, null when undefined", () => {
    const {code, stdout, stderr} = carnet(["detectors", "--runs", dir]);
    expect(code).toBe(0);
    const records = JSON.parse(stdout);
    expect(records).toHaveLength(2);
    for (const record of records) expect(Object.keys(record)).toEqual(columns);
    const [cm, wl] = records;
    expect(cm).toMatchObject({
      run_id: "cm-casia",
      n: 4,
      positives: 2,
      auc: 0.75,
      precision: 1,
      recall: 0.5,
      accuracy: 0.75,
      threshold: 0.5
    });
    expect(cm.average_precision).toBeCloseTo(5 / 6, 14);
    expect(cm.f1).toBeCloseTo(2 / 3, 14);
    expect(wl).toMatchObject({
      run_id: "wl-blacklist",
      positives: 0,
      auc: null,
      average_precision: null,
      recall: null,
      precision: 0
    });
    // The broken run is reported, on stderr, with its file and line.
    expect(stderr).toContain("detector-runs/broken/manifest.json:1: not valid JSON");
    expect(stderr).toContain("1 run rejected: broken");
  });

  it("prints the same records as CSV, undefined metrics as empty fields", () => {
    const {code, stdout} = carnet(["detectors", "--runs", dir, "--format", "csv"]);
    expect(code).toBe(0);
    const rows = csvParse(stdout);
    expect(rows.columns).toEqual(columns);
    expect(rows[0]).toMatchObject({run_id: "cm-casia", auc: "0.75"});
    expect(rows[1]).toMatchObject({run_id: "wl-blacklist", auc: "", average_precision: ""});
  });

  it("takes the runs folder from CARNET_RUNS", () => {
    const {code, stdout} = carnet(["detectors"], {CARNET_RUNS: dir});
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });

  it("refuses a missing folder or a bad format with one line and exit status 2", () => {
    const missing = carnet(["detectors", "--runs", "/nonexistent/runs"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("runs folder not found");
    const format = carnet(["detectors", "--runs", dir, "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format expects json or csv");
  });
});
