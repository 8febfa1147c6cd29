import {describe, expect, it} from "vitest";
import {focusSegment, segmentFocus} from "../../../src/lib/drift/focus.ts";
import {driftKpis} from "../../../src/lib/drift/kpis.ts";
import type {AlertRow, FunnelPoint, SegmentTotal} from "../../../src/lib/drift/view.ts";

const total = (segment: string, expected: number, masked = false, exposure_years = 500) =>
  ({segment, expected, masked, exposure_years}) as SegmentTotal & FunnelPoint;
const alert = (segment: string, excess_claims: number, excess_cost_eur: number, masked = false) =>
  ({segment, excess_claims, excess_cost_eur, masked}) as AlertRow;

describe("focusSegment(view)", () => {
  const totals = [total("A", 10), total("B", 30), total("C", 30)];

  it("keeps the reader's segment while it exists under the current inputs", () => {
    expect(focusSegment({selected: "A", totals, alerts: [alert("B", 1, 1)], points: totals})).toBe("A");
  });

  it("falls back to the costliest published alert, then to the first largest segment", () => {
    const alerts = [alert("C", 5, 900, true), alert("B", 1, 100)];
    expect(focusSegment({selected: "gone", totals, alerts, points: totals})).toBe("B");
    expect(focusSegment({selected: null, totals, alerts: [], points: totals})).toBe("B");
    expect(focusSegment({selected: null, totals: [], alerts: [], points: []})).toBeNull();
  });
});

describe("segmentFocus(view)", () => {
  it("gives the focused segment's totals and alert, or null for a segment without alert", () => {
    const totals = [total("A", 10), total("B", 30)];
    const focus = segmentFocus({selected: "A", totals, alerts: [alert("B", 1, 1)], points: totals});
    expect(focus).toEqual({segment: "A", total: totals[0], alert: null});
  });
});

describe("driftKpis(totals, alerts, minExposure)", () => {
  it("counts every alert but adds only published ones to the excess, and says why segments are left out", () => {
    const kpis = driftKpis(
      [total("A", 1), total("B", 1, true), total("C", 1, false, 50)],
      [alert("A", 4.5, 1_000), alert("B", 100, 1e6, true)],
      100
    );
    expect(kpis).toEqual({
      segments: 3,
      alerts: 2,
      excessClaims: 4.5,
      excessCostEur: 1_000,
      maskedSegments: 1,
      smallExposureSegments: 1
    });
  });
});
