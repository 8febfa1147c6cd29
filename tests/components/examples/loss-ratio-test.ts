// @vitest-environment jsdom
/** The four language examples' loss-ratio chart on fixed data, checked as an SVG snapshot. */
import {describe, it} from "vitest";
import {lossRatioChart} from "../../../src/components/examples/loss-ratio.ts";
import {expectSnapshot} from "../snapshot.ts";

describe("the examples' loss-ratio chart", () => {
  it("examples-loss-ratio: stacks each year's guarantees into its S/P and says how many cells are masked", () => {
    const cells = [
      {year: 2024, guarantee: "incapacity", loss_ratio: 0.35, masked: false},
      {year: 2024, guarantee: "death", loss_ratio: 0.12, masked: false},
      {year: 2025, guarantee: "incapacity", loss_ratio: 0.41, masked: false},
      {year: 2025, guarantee: "death", loss_ratio: null, masked: true}
    ];
    expectSnapshot("examples-loss-ratio", lossRatioChart(cells, {width: 640}) as Element);
  });
});
