import {describe, expect, it} from "vitest";
import {driftAlerts, monthlySeries, type MonthlyCell} from "../../../src/lib/drift/alerts.ts";
import {poissonChangePoint} from "../../../src/lib/drift/change-point.ts";
import {funnelLimits} from "../../../src/lib/drift/poisson.ts";
import {monthsBetween} from "../../../src/lib/periods.ts";

describe("Poisson change point", () => {
  it("picks the split that maximises A1 ln(A1/E1) + A2 ln(A2/E2)", () => {
    // E = 1 a month, A = 1,1,1,3,3,3. Split at 3: 3 ln 1 + 9 ln 3 = 9.888; at 2: 0 + 10 ln 2.5 = 9.163;
    // at 4: 6 ln 1.5 + 6 ln 3 = 9.025.
    expect(poissonChangePoint([1, 1, 1, 3, 3, 3], [1, 1, 1, 1, 1, 1])).toBe(3);
  });
  it("does not look past the latest allowed month", () => {
    expect(poissonChangePoint([1, 1, 1, 3, 3, 3], [1, 1, 1, 1, 1, 1], 2)).toBe(2);
  });
  it("returns null when nothing rises", () => {
    expect(poissonChangePoint([2, 1, 0, 0], [1, 1, 1, 1])).toBeNull();
  });
});

function cells(
  segment: string,
  months: string[],
  actual: (t: number) => number,
  expected: number,
  costPerClaim = 100,
  insured = 50
): MonthlyCell[] {
  return months.map((period, t) => ({
    segment,
    period,
    actual: actual(t),
    expected,
    cost_eur: actual(t) * costPerClaim,
    insured
  }));
}

describe("drift alerts", () => {
  const months = monthsBetween("2023-01-01", "2024-12-31");

  it("lists months from the first to the last, inclusive", () => {
    expect(months.length).toBe(24);
    expect(months[0]).toBe("2023-01");
    expect(months[23]).toBe("2024-12");
  });

  it("alerts a segment whose claims more than double, dated from the change, with excess claims and cost", () => {
    // 5 expected a month; 5 actual for 12 months, then 12 a month from 2024-01 at 100 EUR a claim.
    const input = [...cells("A", months, (t) => (t < 12 ? 5 : 12), 5), ...cells("STABLE", months, () => 5, 5)];
    const alerts = driftAlerts(input, months);
    expect(alerts.map((a) => a.segment)).toEqual(["A"]);
    const [a] = alerts;
    expect(a.onset).toBe("2024-01");
    // CUSUM: +12 - 1.2332 x 5 = 5.834 a month from 2024-01: above h = 16 in the third month, 2024-03.
    expect(a.signal).toBe("2024-03");
    expect(a.actual).toBe(144);
    expect(a.expected).toBe(60);
    expect(a.excess_claims).toBe(84);
    expect(a.excess_cost_eur).toBeCloseTo(8400, 8);
    expect(a.ae).toBeCloseTo(2.4, 12);
    expect(a.window_actual).toBe(60 + 144);
    expect(a.reason).toBe("cusum+funnel");
  });

  it("alerts on the funnel alone when the window's A/E is above the 99.8% limit without a CUSUM signal", () => {
    // 10 months at 5 expected; 7 and 8 claims alternately: 75 against 50. The CUSUM ends at 75 - 61.66 = 13.3 < 16.
    const ten = months.slice(0, 10);
    const alerts = driftAlerts(
      cells("F", ten, (t) => (t % 2 ? 8 : 7), 5),
      ten
    );
    expect(75 / 50).toBeGreaterThan(funnelLimits(50).high998);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      segment: "F",
      reason: "funnel",
      signal: null,
      window_actual: 75,
      window_expected: 50
    });
  });

  it("sorts alerts by excess cost, largest first", () => {
    const input = [
      ...cells("CHEAP", months, (t) => (t < 12 ? 5 : 12), 5, 10),
      ...cells("DEAR", months, (t) => (t < 12 ? 5 : 12), 5, 1000)
    ];
    expect(driftAlerts(input, months).map((a) => a.segment)).toEqual(["DEAR", "CHEAP"]);
  });

  it("fills months a segment has no cell for with nothing expected and no claim, and keeps the largest insured count", () => {
    const [series] = monthlySeries(
      [
        {segment: "S", period: "2023-02", actual: 1, expected: 0.5, cost_eur: 10, insured: 12},
        {segment: "S", period: "2023-03", actual: 0, expected: 0.5, cost_eur: 0, insured: 9}
      ],
      months.slice(0, 4)
    );
    expect(series.actual).toEqual([0, 1, 0, 0]);
    expect(series.expected).toEqual([0, 0.5, 0.5, 0]);
    expect(Math.max(...series.insured)).toBe(12);
  });
});
