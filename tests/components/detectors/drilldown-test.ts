// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {confusionMatrix} from "../../../src/components/detectors/confusion.ts";
import {prChart, rocChart} from "../../../src/components/detectors/curves.ts";
import {manifestTable} from "../../../src/components/detectors/manifest.ts";
import {pageRun} from "../../detectors/page-runs.ts";

describe("confusionMatrix", () => {
  it("shows counts by actual class and decision, row shares, totals and the decision metrics", () => {
    const root = confusionMatrix({
      tp: 3,
      fp: 2,
      tn: 1,
      fn: 0,
      precision: 0.6,
      recall: 1,
      f1: 0.75,
      accuracy: 4 / 6,
      threshold: 0.5,
      decision_source: "threshold"
    });
    const cell = (name: string) => root.querySelector(`td[data-cell="${name}"]`)!.textContent;
    expect(cell("true positives")).toBe("3100.0% of row");
    expect(cell("false negatives")).toBe("00.0% of row");
    expect(cell("false positives")).toBe("266.7% of row");
    expect(cell("true negatives")).toBe("133.3% of row");
    expect(root.querySelector("tr:last-child")!.textContent).toBe("Total516");
    expect(root.querySelector(".decision-metrics")!.textContent).toBe(
      "Precision 0.600 · recall 1.000 · F1 0.750 · accuracy 0.667"
    );
    expect(root.textContent).toContain("score ≥ 0.5");
  });

  it("writes undefined precision and recall as undefined", () => {
    const root = confusionMatrix({tp: 0, fp: 0, tn: 4, fn: 0, precision: null, recall: null, f1: null, accuracy: 1});
    expect(root.querySelector(".decision-metrics")!.textContent).toBe(
      "Precision undefined · recall undefined · F1 undefined · accuracy 1.000"
    );
  });
});

describe("curves", () => {
  it("draw the ROC curve with its AUC in the title", () => {
    const chart = rocChart(
      [
        [0, 0],
        [0, 0.5],
        [0.5, 1],
        [1, 1]
      ],
      {auc: 0.875}
    );
    expect(chart.textContent).toContain("ROC curve (AUC 0.875)");
    expect(chart.querySelectorAll("path").length).toBeGreaterThanOrEqual(2);
  });

  it("say in words that a curve is undefined rather than draw an empty chart", () => {
    expect(rocChart([], {auc: null}).textContent).toBe(
      "ROC curve undefined: the dataset needs both forged and genuine documents."
    );
    expect(prChart([], {averagePrecision: null}).textContent).toBe(
      "Precision-recall curve undefined: the dataset has no forged document."
    );
  });

  it("draw the precision-recall steps with the AP in the title", () => {
    const chart = prChart(
      [
        [0.5, 1],
        [1, 2 / 3]
      ],
      {averagePrecision: 5 / 6, prevalence: 0.5}
    );
    expect(chart.textContent).toContain("Precision-recall (AP 0.833)");
  });
});

describe("manifestTable", () => {
  it("shows version, parameters, dataset version, code commit and date, and lists older runs as history", () => {
    const run = pageRun({
      detector: "copy-move",
      detector_version: "2.1.0",
      dataset: "CASIA",
      dataset_version: "v2",
      params: {block_size: 16},
      code_commit: "9f2c1e7",
      started_at: "2026-03-02T10:12:00Z"
    });
    const old = pageRun({
      id: "old",
      run_id: "cm-old",
      detector: "copy-move",
      detector_version: "2.1.0",
      dataset: "CASIA",
      current: false,
      started_at: "2026-01-01T00:00:00Z",
      auc: 0.7
    });
    const root = manifestTable(run, [run, old]);
    const value = (name: string) =>
      [...root.querySelectorAll("tr")].find((tr) => tr.querySelector("th")!.textContent === name)!.querySelector("td")!
        .textContent;
    expect(value("Detector")).toBe("copy-move 2.1.0");
    expect(value("Dataset")).toBe("CASIA (v2)");
    expect(value("Parameters")).toBe("block_size = 16");
    expect(value("Code commit")).toBe("9f2c1e7");
    expect(value("Started")).toBe("2026-03-02T10:12:00Z");
    expect(root.querySelectorAll("li")).toHaveLength(1);
    expect(root.querySelector("li")!.textContent).toContain("cm-old, started 2026-01-01T00:00:00Z");
  });
});
