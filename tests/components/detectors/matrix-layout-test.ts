import {describe, expect, it} from "vitest";
import {matrixLayout} from "../../../src/components/detectors/matrix-layout.ts";
import {pageRun} from "../../detectors/page-runs.ts";

const runs = [
  pageRun({detector: "copy-move", detector_version: "2.10.0", dataset: "CASIA", auc: 0.8123}),
  pageRun({detector: "copy-move", detector_version: "2.9.0", dataset: "CASIA", auc: 0.55}),
  pageRun({detector: "copy-move", detector_version: "2.9.0", dataset: "PaySlip", auc: 0.95, rows_rejected: 3}),
  pageRun({detector: "watch-list", detector_version: "1.0.0", dataset: "BlackList 1", auc: null, positives: 0})
];

describe("matrixLayout(runs, options), without a DOM", () => {
  it("orders versions by version number within each detector and flags each detector's first row", () => {
    const layout = matrixLayout(runs, {metric: "auc"});
    expect(layout.rows).toEqual([
      {detector: "copy-move", version: "2.9.0", first: true},
      {detector: "copy-move", version: "2.10.0", first: false},
      {detector: "watch-list", version: "1.0.0", first: true}
    ]);
    expect(layout.datasets).toEqual(["BlackList 1", "CASIA", "PaySlip"]);
    expect(layout.cells).toHaveLength(9);
  });

  it("gives every cell its state and text: a value, a star for rejected rows, undefined, not run", () => {
    const layout = matrixLayout(runs, {metric: "auc"});
    const cell = (version: string, dataset: string) =>
      layout.cells.find((c) => c.version === version && c.dataset === dataset)!;
    expect([cell("2.10.0", "CASIA").state, cell("2.10.0", "CASIA").text]).toEqual(["run", "0.812"]);
    expect(cell("2.9.0", "PaySlip").text).toBe("0.950*");
    expect([cell("1.0.0", "BlackList 1").state, cell("1.0.0", "BlackList 1").text]).toEqual(["undefined", "undefined"]);
    expect([cell("2.9.0", "BlackList 1").state, cell("2.9.0", "BlackList 1").fill]).toEqual(["not-run", "none"]);
    expect(cell("2.9.0", "BlackList 1").ariaLabel).toBeNull();
  });

  it("prints dark cells in white and light cells in black", () => {
    const layout = matrixLayout(runs, {metric: "auc"});
    const textFill = (version: string, dataset: string) =>
      layout.cells.find((c) => c.version === version && c.dataset === dataset)!.textFill;
    expect(textFill("2.9.0", "PaySlip")).toBe("white");
    expect(textFill("2.9.0", "CASIA")).toBe("black");
  });

  it("shares the width among the datasets, within 56 to 110 px a cell", () => {
    const narrow = matrixLayout(runs, {metric: "auc", width: 300});
    const wide = matrixLayout(runs, {metric: "auc", width: 3000});
    expect(narrow.cellWidth).toBe(56);
    expect(wide.cellWidth).toBe(110);
    expect(wide.width).toBe(wide.labelWidth + 3 * 110 + 10);
  });
});
