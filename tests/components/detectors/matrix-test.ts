// @vitest-environment jsdom
import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {detectorMatrix} from "../../../src/components/detectors/matrix.ts";
import {pageRun} from "../../detectors/page-runs.ts";

const cellText = (root: Element, detector: string, version: string, dataset: string) =>
  root.querySelector(`g.cell[data-detector="${detector}"][data-version="${version}"][data-dataset="${dataset}"] text`)
    ?.textContent;

describe("detectorMatrix", () => {
  const runs = [
    pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "CASIA", auc: 0.8123}),
    pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "CASIA", auc: 0.9}),
    pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "PaySlip", auc: 0.75, rows_rejected: 3}),
    pageRun({detector: "watch-list", detector_version: "1.0.0", dataset: "BlackList 1", auc: null, positives: 0})
  ];

  it("draws one row per detector version, grouped by detector, and one column per dataset", () => {
    const root = detectorMatrix(runs, {metric: "auc"});
    expect([...root.querySelectorAll("text.detector")].map((t) => t.textContent)).toEqual(["copy-move", "watch-list"]);
    expect([...root.querySelectorAll("text.version")].map((t) => t.textContent)).toEqual(["2.0.0", "2.1.0", "1.0.0"]);
    expect([...root.querySelectorAll("g.columns text")].map((t) => t.textContent)).toEqual([
      "BlackList 1",
      "CASIA",
      "PaySlip"
    ]);
    expect(root.querySelectorAll("g.cell")).toHaveLength(9);
  });

  it("prints each value, marks gaps in the plan as not run and an undefined AUC as undefined", () => {
    const root = detectorMatrix(runs, {metric: "auc"});
    expect(cellText(root, "copy-move", "2.0.0", "CASIA")).toBe("0.812");
    expect(cellText(root, "copy-move", "2.0.0", "PaySlip")).toBe("not run");
    expect(cellText(root, "watch-list", "1.0.0", "BlackList 1")).toBe("undefined");
    // A star flags a run some of whose prediction rows were rejected.
    expect(cellText(root, "copy-move", "2.1.0", "PaySlip")).toBe("0.750*");
    expect(root.querySelectorAll("g.cell.not-run")).toHaveLength(5);
    expect(root.textContent).not.toContain("NaN");
  });

  it("shows the chosen metric", () => {
    const root = detectorMatrix([pageRun({detector: "d", detector_version: "1", dataset: "x", f1: 0.25})], {
      metric: "f1"
    });
    expect(cellText(root, "d", "1", "x")).toBe("0.250");
    expect(root.querySelector("svg")?.getAttribute("aria-label")).toBe(
      "F1 at the decision per detector version and dataset"
    );
  });

  it("becomes the clicked run and tells the page with an input event", () => {
    const root = detectorMatrix(runs, {metric: "auc"});
    const events: unknown[] = [];
    root.addEventListener("input", () => events.push(root.value));
    expect(root.value).toBeNull();
    root
      .querySelector('g.cell[data-version="2.1.0"][data-dataset="CASIA"]')!
      .dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(root.value?.id).toBe("copy-move-2.1.0-CASIA");
    expect(events).toHaveLength(1);
    // Empty cells are not clickable.
    root
      .querySelector('g.cell[data-version="2.0.0"][data-dataset="PaySlip"]')!
      .dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(events).toHaveLength(1);
  });

  it("keeps cells readable at 20 detector versions by 30 datasets, scrolling sideways if needed", () => {
    const many = [];
    for (let d = 0; d < 20; d++)
      for (let s = 0; s < 30; s++)
        many.push(
          pageRun({
            detector: `detector ${Math.floor(d / 2)}`,
            detector_version: `1.${d % 2}`,
            dataset: `dataset ${String(s).padStart(2, "0")}`,
            auc: 0.5 + (d * s) / 1200
          })
        );
    const root = detectorMatrix(many, {metric: "auc", width: 900});
    expect(root.querySelectorAll("g.cell.run")).toHaveLength(600);
    const cellWidth = Number(root.querySelector("g.cell rect")!.getAttribute("width"));
    expect(cellWidth + 2).toBeGreaterThanOrEqual(52);
    expect(root.style.overflowX).toBe("auto");
  });

  const published = resolve(
    import.meta.dirname,
    "../../../../shared/realdata/forgery-benchmarks/mvssnet_published_results.csv"
  );
  it.skipIf(!existsSync(published))(
    "renders the published MVSS-Net image-AUC matrix with its two gaps (../shared/realdata)",
    () => {
      // Published table: 3 detectors, trained on CASIAv2 or DEFACTO-84k (treated as versions), 5 test datasets;
      // DEFACTO-84k models were not evaluated on IMD2020, and MVSS-Net++ only on CASIAv2.
      const rows = csvParse(readFileSync(published, "utf8")).filter((r) => r.metric === "image_auc");
      const runs = rows.map((r) =>
        pageRun({
          detector: r.detector!,
          detector_version: r.training_data!,
          dataset: r.test_dataset!,
          auc: Number(r.value)
        })
      );
      const root = detectorMatrix(runs, {metric: "auc"});
      expect(root.querySelectorAll("g.cell")).toHaveLength(5 * 5);
      expect(root.querySelectorAll("g.cell.run")).toHaveLength(23);
      expect(cellText(root, "MVSS-Net", "CASIAv2", "Columbia")).toBe("0.980");
      expect(cellText(root, "FCN", "DEFACTO-84k", "DEFACTO-12k")).toBe("0.840");
      expect(cellText(root, "FCN", "DEFACTO-84k", "IMD2020")).toBe("not run");
      expect(cellText(root, "MVSS-Net", "DEFACTO-84k", "IMD2020")).toBe("not run");
    }
  );
});
