// @vitest-environment jsdom
import {describe, expect, it, vi} from "vitest";
import {aeChart} from "../../../src/components/drift/ae-chart.ts";
import {alertsTable} from "../../../src/components/drift/alerts-table.ts";
import {cusumChart} from "../../../src/components/drift/cusum-chart.ts";
import {drillTable} from "../../../src/components/drift/drill-table.ts";
import {funnelPlot} from "../../../src/components/drift/funnel-plot.ts";
import {lossRatioHeatmap} from "../../../src/components/drift/loss-ratio-heatmap.ts";
import {alertsCsv, funnelCurve, funnelPoints, type AlertRow, type SegmentTotal} from "../../../src/lib/drift/view.ts";

const total = (segment: string, actual: number, expected: number, insured = 50): SegmentTotal => ({
  segment,
  exposure_years: 500,
  insured,
  actual,
  expected,
  cost_eur: actual * 100,
  ae: actual / expected,
  ae_low: null,
  ae_high: null,
  masked: insured < 11
});

describe("funnel plot", () => {
  const points = funnelPoints([total("C1", 100, 100), total("C2", 180, 100), total("C3", 3, 2)], 0);

  it("draws one focusable point per segment, coloured by its zone", () => {
    const el = funnelPlot(points, funnelCurve(1, 200), {segmentLabel: "Contract"});
    const circles = el.querySelectorAll("circle[data-segment]");
    expect([...circles].map((c) => c.getAttribute("data-segment"))).toEqual(["C1", "C2", "C3"]);
    // 180 against 100 expected is far above the 99.8% limit (about 1.32): red.
    expect(circles[1].getAttribute("fill")).toBe("#c0392b");
    expect(circles[1].querySelector("title")!.textContent).toContain("Contract C2");
    expect(circles[1].getAttribute("tabindex")).toBe("0");
  });

  it("calls onSelect with the segment of a clicked point, and with Enter", () => {
    const onSelect = vi.fn();
    const el = funnelPlot(points, funnelCurve(1, 200), {onSelect});
    el.querySelector<SVGCircleElement>('circle[data-segment="C2"]')!.dispatchEvent(new MouseEvent("click"));
    el.querySelector<SVGCircleElement>('circle[data-segment="C3"]')!.dispatchEvent(
      new KeyboardEvent("keydown", {key: "Enter"})
    );
    expect(onSelect.mock.calls).toEqual([["C2"], ["C3"]]);
  });

  it("rings the selected segment", () => {
    const el = funnelPlot(points, funnelCurve(1, 200), {selected: "C1"});
    expect(el.querySelector('circle[data-segment="C1"]')!.getAttribute("r")).toBe("6");
    expect(el.querySelector('circle[data-segment="C2"]')!.getAttribute("r")).toBe("4");
  });

  it("says so when there is nothing to plot", () => {
    expect(funnelPlot([], []).textContent).toContain("No segment");
  });
});

const alert = (segment: string, masked = false): AlertRow => ({
  segment,
  onset: "2024-03",
  signal: "2024-06",
  reason: "cusum",
  actual: 120,
  expected: 80,
  ae: 1.5,
  excess_claims: 40,
  excess_cost_eur: 123_456,
  window_actual: 400,
  window_expected: 360,
  window_ae: 400 / 360,
  funnel_high998: 1.2,
  insured: masked ? 8 : 300,
  masked,
  exposure_years: 900
});

describe("alerts table", () => {
  it("shows onset, A/E, excess claims and the excess cost in full euros, and masks small segments", () => {
    const alerts = [alert("CT1"), alert("CT2", true)];
    const el = alertsTable(alerts, {csv: alertsCsv(alerts)});
    const rows = [...el.querySelectorAll("tbody tr")].map((r) =>
      [...r.querySelectorAll("td")].map((td) => td.textContent)
    );
    expect(rows[0]).toEqual(["CT1", "2024-03", "2024-06", "cusum", "120", "80.0", "1.50", "40.0", "123,456 €"]);
    expect(rows[1].slice(4)).toEqual(["< 11", "< 11", "< 11", "< 11", "< 11"]);
    expect(el.querySelector("th")!.title).toContain("contract id");
  });

  it("offers the CSV as a download and selects a segment on click", () => {
    const onSelect = vi.fn();
    const alerts = [alert("CT1")];
    const el = alertsTable(alerts, {csv: alertsCsv(alerts), filename: "a.csv", onSelect});
    const link = el.querySelector("a")!;
    expect(link.getAttribute("download")).toBe("a.csv");
    expect(decodeURIComponent(link.getAttribute("href")!)).toContain("CT1,2024-03,2024-06,cusum,120,80,1.5,40,123456");
    el.querySelector("button")!.click();
    expect(onSelect).toHaveBeenCalledWith("CT1");
  });
});

describe("charts", () => {
  it("A/E chart draws the shown periods and counts the masked ones", () => {
    const el = aeChart(
      [
        {
          period: "2023-Q1",
          period_start: "2023-01-01",
          exposure_years: 10,
          insured: 40,
          actual: 5,
          expected: 4,
          ae: 1.25,
          ae_low: 0.4,
          ae_high: 2.9,
          masked: false
        },
        {
          period: "2023-Q2",
          period_start: "2023-04-01",
          exposure_years: 10,
          insured: 40,
          actual: 6,
          expected: 4,
          ae: 1.5,
          ae_low: 0.55,
          ae_high: 3.3,
          masked: false
        },
        {
          period: "2023-Q3",
          period_start: "2023-07-01",
          exposure_years: 2,
          insured: 5,
          actual: null,
          expected: null,
          ae: null,
          ae_low: null,
          ae_high: null,
          masked: true
        }
      ],
      {title: "A/E by quarter"}
    );
    expect(el.querySelectorAll("svg circle").length).toBeGreaterThanOrEqual(2);
    expect(el.querySelector("figcaption")!.textContent).toContain("1 period with fewer than 11 insured masked");
  });

  it("CUSUM chart states k, h and the signal month", () => {
    const el = cusumChart({
      points: [
        {month: "2024-01", s: 0, actual: 3, expected: 3},
        {month: "2024-02", s: 17, actual: 20, expected: 3}
      ],
      h: 16,
      k: 1.2332,
      signal: "2024-02",
      masked: false
    });
    expect(el.textContent).toContain("h = 16");
    expect(el.querySelector("figcaption")!.textContent).toContain("1.233 × expected");
    expect(el.querySelector("figcaption")!.textContent).toContain("first signal: 2024-02");
  });

  it("heat map writes each S/P and masks small cells", () => {
    const el = lossRatioHeatmap([
      {segment: "A", year: 2023, premium_eur: 1000, cost_eur: 850, loss_ratio: 0.85, masked: false},
      {segment: "B", year: 2023, premium_eur: 1000, cost_eur: 2000, loss_ratio: null, masked: true}
    ]);
    const texts = [...el.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(texts).toContain("85%");
    expect(texts).toContain("< 11");
    // Every cell is painted: the S/P ones by the colour scale, the masked one grey.
    const rects = [...el.querySelectorAll('g[aria-label="cell"] rect')];
    expect(rects).toHaveLength(2);
    expect(el.querySelectorAll('g[aria-label="cell"][fill="#e0e0e0"] rect')).toHaveLength(1);
    expect(rects.filter((r) => r.getAttribute("fill") !== null)).toHaveLength(1);
  });

  it("drill-down table masks rows describing fewer than 11 claimants but keeps their labels", () => {
    const el = drillTable(
      [
        {period: "2024-Q1", claims: 30, claimants: 28, cost_eur: 5000},
        {period: "2024-Q2", claims: 4, claimants: 4, cost_eur: 900}
      ],
      [
        {key: "period", label: "Period", format: "text"},
        {key: "claims", label: "Claims", format: "int"},
        {key: "cost_eur", label: "Cost", format: "eur"}
      ],
      "claimants",
      ["period"]
    );
    const rows = [...el.querySelectorAll("tbody tr")].map((r) =>
      [...r.querySelectorAll("td")].map((td) => td.textContent)
    );
    expect(rows).toEqual([
      ["2024-Q1", "30", "5,000 €"],
      ["2024-Q2", "< 11", "< 11"]
    ]);
  });

  it("drill-down table reads any iterable of rows (DuckDB's Arrow answer has no length) and says when it is empty", () => {
    const columns = [{key: "period", label: "Period"}];
    const answer = {
      *[Symbol.iterator]() {
        yield {period: "2024-Q1", claimants: 30};
      }
    };
    const el = drillTable(answer, columns, "claimants", ["period"]);
    expect(el.querySelector("tbody")!.textContent).toBe("2024-Q1");
    expect(drillTable([], columns, "claimants", ["period"]).textContent).toContain("No claim in this window.");
  });
});
