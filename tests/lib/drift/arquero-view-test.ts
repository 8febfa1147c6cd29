import {describe, expect, it} from "vitest";
import {heatmapView} from "../../../src/lib/drift/heatmap-view.ts";
import {cusumView, segmentTotals, selectCells, type ViewInputs} from "../../../src/lib/drift/view.ts";
import {arrowRows} from "../arrow-rows.ts";

const inputs: ViewInputs = {
  dimension: "region",
  grain: "month",
  guarantee: "incapacity",
  from: "2024-01",
  to: "2024-03",
  minExposure: 0,
  baseline: "segment"
};

const cell = (segment: string, month: string, actual: number, expected: number, insured: number, exposure: number) => ({
  dimension: "region",
  grain: "month",
  segment,
  guarantee: "incapacity",
  period: month,
  period_start: `${month}-01`,
  exposure_years: exposure,
  insured,
  actual,
  expected,
  expected_portfolio: expected / 2,
  cost_eur: actual * 1000
});

describe("the drift view over Arrow columns (arquero)", () => {
  // Worked by hand: region 11 has 2 + 5 + 0 = 7 claims for 2 + 2 + 1 = 5 expected, A/E 7 / 5 = 1.4, over
  // 1.5 + 1.5 + 1 = 4 insured-years, credited with its largest monthly count of insured, 30.
  const cells = arrowRows([
    cell("11", "2024-01", 2, 2, 30, 1.5),
    cell("11", "2024-02", 5, 2, 28, 1.5),
    cell("11", "2024-03", 0, 1, 25, 1),
    cell("84", "2024-02", 1, 4, 9, 3),
    cell("11", "2023-12", 9, 1, 30, 1.5)
  ]);

  it("segmentTotals(cells) sums a segment's months and gives A/E = 7 / 5 = 1.4 for the hand-worked region", () => {
    const [north, south] = segmentTotals(selectCells(cells, inputs));
    expect(north).toMatchObject({segment: "11", actual: 7, expected: 5, exposure_years: 4, insured: 30, masked: false});
    expect(north.ae).toBeCloseTo(1.4, 12);
    expect(south).toMatchObject({segment: "84", actual: 1, expected: 4, insured: 9, masked: true});
  });

  it("segmentTotals(cells) at portfolio rates halves the expected claims of this example", () => {
    const [north] = segmentTotals(selectCells(cells, {...inputs, baseline: "portfolio"}));
    expect(north.expected).toBe(2.5);
    expect(north.ae).toBeCloseTo(2.8, 12);
  });

  it("cusumView(cells) lays a segment's months on the window and fills a month without a cell with zeros", () => {
    const view = cusumView(selectCells(cells, inputs), "84", inputs.from, inputs.to);
    expect(view.points.map((p) => [p.month, p.actual, p.expected])).toEqual([
      ["2024-01", 0, 0],
      ["2024-02", 1, 4],
      ["2024-03", 0, 0]
    ]);
    expect(view.masked).toBe(true);
  });
});

describe("heatmapView(lossCells, inputs)", () => {
  const loss = (segment: string, year: number, premium: number, insured = 40) => ({
    dimension: "contract",
    segment,
    year,
    premium_eur: premium,
    cost_eur: premium * 0.9,
    claims: 3,
    loss_ratio: 0.9,
    insured
  });
  const cells = arrowRows([
    loss("A", 2023, 100),
    loss("A", 2024, 100),
    loss("B", 2024, 500),
    loss("C", 2024, 150),
    loss("D", 2024, 10, 5),
    loss("B", 2020, 9_999)
  ]);

  it("keeps the segments with the most premium over the window's years, plus the selected one", () => {
    const view = heatmapView(cells, {dimension: "contract", from: "2023-01", to: "2024-12", top: 2, selected: "D"});
    // Premium 2023-2024: B 500, A 200, C 150, D 10 (B's 2020 premium is outside the window).
    expect(view.cells.map((c) => `${c.segment} ${c.year}`)).toEqual(["A 2023", "A 2024", "B 2024", "D 2024"]);
    expect(view).toMatchObject({shown: 3, of: 4});
    expect(view.cells.find((c) => c.segment === "D")).toMatchObject({masked: true, loss_ratio: null});
  });
});
