// @vitest-environment jsdom
import {existsSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {versionComparison} from "../../../src/components/detectors/comparison.ts";
import {compareVersions, versionsOf} from "../../../src/lib/detectors/compare.ts";
import {formatDelta, formatMetric} from "../../../src/lib/detectors/metrics.ts";
import {pageRun} from "../../detectors/page-runs.ts";

const runs = [
  pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "CASIA", auc: 0.8}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "CASIA", auc: 0.85}),
  pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "PaySlip", auc: 0.7}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "PaySlip", auc: 0.65}),
  pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "SNR 1", auc: 0.6}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "SNR 1", auc: 0.6}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "Robot 1", auc: 0.9}),
  pageRun({detector: "copy-move", detector_version: "2.0.0", dataset: "BlackList 1", auc: null}),
  pageRun({detector: "copy-move", detector_version: "2.1.0", dataset: "BlackList 1", auc: null}),
  // History is not compared: only the newest run of a cell counts.
  pageRun({id: "old", detector: "copy-move", detector_version: "2.1.0", dataset: "CASIA", auc: 0.1, current: false})
];

describe("compareVersions", () => {
  it("takes version B minus version A per dataset and counts improved, worse, unchanged and not comparable", () => {
    const c = compareVersions(runs, "copy-move", "2.0.0", "2.1.0", "auc");
    expect(c.rows.map((r) => [r.dataset, r.outcome])).toEqual([
      ["BlackList 1", "not comparable"],
      ["CASIA", "improved"],
      ["PaySlip", "worse"],
      ["Robot 1", "not comparable"],
      ["SNR 1", "unchanged"]
    ]);
    expect(c.rows.find((r) => r.dataset === "CASIA")!.delta).toBeCloseTo(0.05, 12);
    expect(c.rows.find((r) => r.dataset === "PaySlip")!.delta).toBeCloseTo(-0.05, 12);
    expect([c.improved, c.worse, c.unchanged, c.notComparable]).toEqual([1, 1, 1, 2]);
  });

  it("lists a detector's versions in numeric order", () => {
    const v = [
      pageRun({detector: "d", detector_version: "2.10.0", dataset: "x"}),
      pageRun({detector: "d", detector_version: "2.9.0", dataset: "x"})
    ];
    expect(versionsOf(v, "d")).toEqual(["2.9.0", "2.10.0"]);
  });

  const published = resolve(
    import.meta.dirname,
    "../../../../shared/realdata/forgery-benchmarks/mvssnet_published_results.csv"
  );
  it.skipIf(!existsSync(published))(
    "finds MVSS-Net trained on DEFACTO-84k better than on CASIAv2 only on DEFACTO-12k (published image AUC)",
    () => {
      // Published: CASIAv2 -> DEFACTO-84k: CASIAv1plus 0.932 -> 0.771, COVER 0.731 -> 0.525, Columbia 0.980 -> 0.563,
      // DEFACTO-12k 0.573 -> 0.886, IMD2020 0.656 -> not evaluated.
      const rows = csvParse(readFileSync(published, "utf8")).filter((r) => r.metric === "image_auc");
      const real = rows.map((r) =>
        pageRun({
          detector: r.detector!,
          detector_version: r.training_data!,
          dataset: r.test_dataset!,
          auc: Number(r.value)
        })
      );
      const c = compareVersions(real, "MVSS-Net", "CASIAv2", "DEFACTO-84k", "auc");
      expect([c.improved, c.worse, c.unchanged, c.notComparable]).toEqual([1, 3, 0, 1]);
      expect(c.rows.find((r) => r.dataset === "DEFACTO-12k")!.delta).toBeCloseTo(0.886 - 0.573, 12);
    }
  );
});

describe("versionComparison", () => {
  it("states the counts and draws one bar per comparable dataset with its signed change", () => {
    const root = versionComparison(compareVersions(runs, "copy-move", "2.0.0", "2.1.0", "auc"), {width: 500});
    expect(root.querySelector(".comparison-summary")!.textContent).toBe(
      "copy-move 2.1.0 against 2.0.0, ROC AUC: improved on 1 dataset, worse on 1, unchanged on 1, not comparable on 2 (run with one version only, or metric undefined)."
    );
    const texts = [...root.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(texts).toContain("+0.050");
    expect(texts).toContain("\u22120.050");
    expect(texts.filter((t) => t === "not comparable")).toHaveLength(2);
    expect(root.querySelectorAll("svg rect[fill]").length).toBeGreaterThanOrEqual(3);
  });

  it("asks for two different versions when both are the same", () => {
    const root = versionComparison(compareVersions(runs, "copy-move", "2.1.0", "2.1.0", "auc"));
    expect(root.textContent).toBe("Pick two different versions to compare.");
  });
});

describe("formatting", () => {
  it("writes undefined metrics as the word, never NaN or 0", () => {
    expect(formatMetric(null)).toBe("undefined");
    expect(formatMetric(Number.NaN)).toBe("undefined");
    expect(formatMetric(0)).toBe("0.000");
    expect(formatDelta(-0.0004)).toBe("0.000");
    expect(formatDelta(0.0123)).toBe("+0.012");
  });
});
