import {describe, expect, it} from "vitest";
import {runsOfCell, runsOverview} from "../../../src/lib/detectors/overview.ts";

const run = (detector: string, detector_version: string, dataset: string, current = true) => ({
  detector,
  detector_version,
  dataset,
  current
});

const runs = [
  run("watch-list", "1.0.0", "BlackList 1"),
  run("copy-move", "2.1.0", "CASIA"),
  run("copy-move", "2.1.0", "CASIA", false),
  run("copy-move", "2.0.0", "PaySlip"),
  run("copy-move", "2.0.0", "CASIA")
];

describe("runsOverview(runs)", () => {
  it("splits current runs from history and counts the detectors and versions shown", () => {
    const overview = runsOverview(runs);
    expect(overview.current).toHaveLength(4);
    expect(overview.older).toEqual([run("copy-move", "2.1.0", "CASIA", false)]);
    expect(overview.detectors).toEqual(["copy-move", "watch-list"]);
    expect(overview.versionRows).toBe(3);
  });
});

describe("runsOfCell(runs, run)", () => {
  it("returns every run of the same detector version on the same dataset, history included", () => {
    expect(runsOfCell(runs, run("copy-move", "2.1.0", "CASIA"))).toEqual([runs[1], runs[2]]);
  });
});
