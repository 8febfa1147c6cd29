// @vitest-environment jsdom
/**
 * The detector charts on fixed data, checked as SVG snapshots (tests/components/snapshot.ts): the matrix, the
 * ROC and precision-recall curves of one run, its confusion matrix and a version comparison.
 */
import {describe, it} from "vitest";
import {versionComparison} from "../../../src/components/detectors/comparison.ts";
import {confusionMatrix} from "../../../src/components/detectors/confusion.ts";
import {prChart, rocChart} from "../../../src/components/detectors/curves.ts";
import {detectorMatrix} from "../../../src/components/detectors/matrix.ts";
import {compareVersions} from "../../../src/lib/detectors/compare.ts";
import {pageRun} from "../../detectors/page-runs.ts";
import {expectSnapshot} from "../snapshot.ts";

const runs = [
  pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "CASIA", auc: 0.8123}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "CASIA", auc: 0.9}),
  pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "PaySlip", auc: 0.7}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "PaySlip", auc: 0.75, rows_rejected: 3}),
  pageRun({detector: "watch-list", detector_version: "1.0.0", dataset: "BlackList 1", auc: null, positives: 0})
];

const roc: [number, number][] = [
  [0, 0],
  [0.05, 0.4],
  [0.1, 0.62],
  [0.25, 0.81],
  [0.5, 0.93],
  [1, 1]
];
const pr: [number, number][] = [
  [0.1, 1],
  [0.4, 0.9],
  [0.62, 0.78],
  [0.81, 0.55],
  [1, 0.3]
];

describe("the detector charts", () => {
  it("detectors-matrix: colours each cell by AUC, with gaps not run and an undefined AUC", () => {
    expectSnapshot("detectors-matrix", detectorMatrix(runs, {metric: "auc", width: 900, selected: runs[1].id}));
  });

  it("detectors-roc: draws the ROC curve of a run above the chance diagonal", () => {
    expectSnapshot("detectors-roc", rocChart(roc, {auc: 0.87, width: 560}) as Element);
  });

  it("detectors-pr: draws the precision-recall steps above the share of forged documents", () => {
    expectSnapshot("detectors-pr", prChart(pr, {averagePrecision: 0.74, prevalence: 0.3, width: 560}) as Element);
  });

  it("detectors-confusion: lays out the counts by actual class and decision", () => {
    expectSnapshot("detectors-confusion", confusionMatrix({...runs[0], tp: 31, fn: 0, fp: 2, tn: 1}));
  });

  it("detectors-comparison: shows the change of AUC per dataset between two versions", () => {
    const comparison = compareVersions(runs, "copy-move", "2.0.0", "2.1.0", "auc", ["CASIA", "PaySlip", "BlackList 1"]);
    expectSnapshot("detectors-comparison", versionComparison(comparison, {width: 900}));
  });
});
