import {describe, expect, it} from "vitest";
import {
  aeSeries,
  alertsCsv,
  alertsView,
  funnelPoints,
  lossRatioView,
  segmentTotals,
  selectCells,
  type Cell,
  type ViewInputs
} from "../../../src/lib/drift/view.ts";
import {arrowRows} from "../arrow-rows.ts";

const cell = (
  segment: string,
  grain: Cell["grain"],
  period: string,
  period_start: string,
  actual: number,
  expected: number,
  insured: number,
  extra: Partial<Cell> = {}
): Cell => ({
  dimension: "contract",
  grain,
  segment,
  guarantee: "incapacity",
  period,
  period_start,
  exposure_years: insured / 12,
  insured,
  actual,
  expected,
  expected_portfolio: expected * 2,
  cost_eur: actual * 100,
  ...extra
});

const inputs: ViewInputs = {
  dimension: "contract",
  grain: "quarter",
  guarantee: "incapacity",
  from: "2023-02",
  to: "2023-12",
  minExposure: 0,
  baseline: "segment"
};

describe("drift page view", () => {
  const cells = arrowRows([
    cell("A", "month", "2023-01", "2023-01-01", 3, 2, 40),
    cell("A", "month", "2023-02", "2023-02-01", 4, 2, 40),
    cell("A", "month", "2023-03", "2023-03-01", 5, 2, 42),
    cell("A", "quarter", "2023-Q1", "2023-01-01", 12, 6, 42),
    cell("A", "month", "2023-03", "2023-03-01", 1, 1, 40, {guarantee: "death"}),
    cell("B", "month", "2023-03", "2023-03-01", 1, 1, 5)
  ]);

  it("keeps the chosen grain and guarantee, and a quarter that overlaps the window's first month", () => {
    expect(selectCells(cells, inputs).array("period")).toEqual(["2023-Q1"]);
    expect(
      selectCells(cells, inputs, "month")
        .derive({key: (d) => d.segment + " " + d.period})
        .array("key")
    ).toEqual(["A 2023-02", "A 2023-03", "B 2023-03"]);
  });

  it("switches expected counts to portfolio rates for the portfolio baseline", () => {
    expect(selectCells(cells, {...inputs, baseline: "portfolio"}, "month").get("expected", 0)).toBe(4);
  });

  it("sums a segment over the window and credits it with its largest monthly insured count", () => {
    const [a, b] = segmentTotals(selectCells(cells, inputs, "month"));
    expect(a).toMatchObject({segment: "A", actual: 9, expected: 4, insured: 42, masked: false});
    expect(a.ae).toBeCloseTo(2.25, 12);
    expect(b).toMatchObject({segment: "B", insured: 5, masked: true});
  });

  it("leaves masked and small segments off the funnel plot", () => {
    const totals = segmentTotals(selectCells(cells, inputs, "month"));
    expect(funnelPoints(totals, 0).map((p) => p.segment)).toEqual(["A"]);
    expect(funnelPoints(totals, 100)).toEqual([]);
  });

  it("masks an A/E period with fewer than 11 insured", () => {
    const [point] = aeSeries(selectCells(cells, inputs, "month"), "B");
    expect(point).toMatchObject({masked: true, actual: null, ae: null});
  });

  it("writes masked alert figures as empty CSV fields", () => {
    const months = [
      "2023-01",
      "2023-02",
      "2023-03",
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
      "2023-08",
      "2023-09",
      "2023-10",
      "2023-11",
      "2023-12"
    ];
    const drifting = months.map((m, t) => cell("SMALL", "month", m, `${m}-01`, t < 6 ? 2 : 12, 2, 8));
    const alerts = alertsView(arrowRows(drifting), {...inputs, from: "2023-01"});
    expect(alerts).toHaveLength(1);
    expect(alerts[0].masked).toBe(true);
    const [header, row] = alertsCsv(alerts).trim().split("\n");
    expect(header).toBe(
      "segment,onset,signal,reason,actual,expected,ae,excess_claims,excess_cost_eur,window_actual,window_expected,window_ae"
    );
    expect(row).toBe("SMALL,2023-07,2023-08,cusum+funnel,,,,,,,,");
  });

  it("masks loss ratios of cells under 11 insured and keeps the window's years", () => {
    const view = lossRatioView(
      arrowRows([
        {
          dimension: "contract",
          segment: "A",
          year: 2022,
          premium_eur: 100,
          cost_eur: 50,
          claims: 2,
          loss_ratio: 0.5,
          insured: 40
        },
        {
          dimension: "contract",
          segment: "A",
          year: 2023,
          premium_eur: 100,
          cost_eur: 80,
          claims: 3,
          loss_ratio: 0.8,
          insured: 40
        },
        {
          dimension: "contract",
          segment: "B",
          year: 2023,
          premium_eur: 100,
          cost_eur: 80,
          claims: 3,
          loss_ratio: 0.8,
          insured: 10
        }
      ]),
      "contract",
      "2023-02",
      "2023-12"
    );
    expect(view.map((c) => [c.segment, c.year, c.loss_ratio])).toEqual([
      ["A", 2023, 0.8],
      ["B", 2023, null]
    ]);
  });
});
