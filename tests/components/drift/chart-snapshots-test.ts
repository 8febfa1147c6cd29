// @vitest-environment jsdom
/**
 * One named, fixed-data render per drift chart, compared with its reviewed snapshot in tests/components/snapshots/
 * (Plot's model: a difference writes <name>-changed.html beside it; see ../snapshot.ts).
 */
import {describe, it} from "vitest";
import {aeChart} from "../../../src/components/drift/ae-chart.ts";
import {cusumChart} from "../../../src/components/drift/cusum-chart.ts";
import {funnelPlot} from "../../../src/components/drift/funnel-plot.ts";
import {lossRatioHeatmap} from "../../../src/components/drift/loss-ratio-heatmap.ts";
import {funnelCurveFor, funnelPoints, type AePoint, type SegmentTotal} from "../../../src/lib/drift/view.ts";
import {expectSnapshot} from "../snapshot.ts";

const total = (segment: string, actual: number, expected: number): SegmentTotal => ({
  segment,
  exposure_years: expected * 20,
  insured: 200,
  actual,
  expected,
  cost_eur: actual * 1_500,
  ae: actual / expected,
  ae_low: null,
  ae_high: null,
  masked: false
});

const quarter = (period: string, start: string, actual: number, expected: number, masked = false): AePoint => ({
  period,
  period_start: start,
  exposure_years: 40,
  insured: masked ? 6 : 120,
  actual: masked ? null : actual,
  expected: masked ? null : expected,
  ae: masked ? null : actual / expected,
  ae_low: masked ? null : (actual / expected) * 0.7,
  ae_high: masked ? null : (actual / expected) * 1.4,
  masked
});

/** Funnel plot of five contracts, one far above its 99.8% limit, one selected. */
function driftFunnelPlot() {
  const points = funnelPoints(
    [
      total("CT01", 12, 10),
      total("CT02", 95, 100),
      total("CT03", 180, 120),
      total("CT04", 2, 6),
      total("CT05", 40, 30)
    ],
    0
  );
  return funnelPlot(points, funnelCurveFor(points), {width: 900, selected: "CT05", segmentLabel: "Contract"});
}

/** A/E by quarter over two years, a drift from 2024-Q1 on and one masked quarter. */
function driftAeChart() {
  return aeChart(
    [
      quarter("2023-Q1", "2023-01-01", 20, 21),
      quarter("2023-Q2", "2023-04-01", 18, 19),
      quarter("2023-Q3", "2023-07-01", 0, 1, true),
      quarter("2023-Q4", "2023-10-01", 23, 22),
      quarter("2024-Q1", "2024-01-01", 31, 21),
      quarter("2024-Q2", "2024-04-01", 29, 19),
      quarter("2024-Q3", "2024-07-01", 27, 18),
      quarter("2024-Q4", "2024-10-01", 33, 22)
    ],
    {width: 640, title: "A/E by quarter", onset: "2024-Q1"}
  );
}

/** CUSUM over twelve months crossing h = 16 in 2024-09. */
function driftCusumChart() {
  const s = [0, 0, 1.5, 0.4, 0, 2.1, 5.8, 10.2, 16.9, 21.4, 25, 27.3];
  return cusumChart(
    {
      points: s.map((value, i) => ({
        month: `2024-${String(i + 1).padStart(2, "0")}`,
        s: value,
        actual: 10 + i,
        expected: 10
      })),
      h: 16,
      k: 1.2332,
      signal: "2024-09",
      masked: false
    },
    {width: 640, title: "CUSUM by month"}
  );
}

/** S/P of three contracts over three years: every colour bin, a masked cell and a year without premium. */
function driftLossRatioHeatmap() {
  const cell = (segment: string, year: number, lossRatio: number | null, masked = false) => ({
    segment,
    year,
    premium_eur: lossRatio === null && !masked ? 0 : 100_000,
    cost_eur: (lossRatio ?? 0) * 100_000,
    loss_ratio: lossRatio,
    masked
  });
  return lossRatioHeatmap(
    [
      cell("CT01", 2022, 0.45),
      cell("CT01", 2023, 0.72),
      cell("CT01", 2024, 0.95),
      cell("CT02", 2022, 1.1),
      cell("CT02", 2023, 1.35),
      cell("CT02", 2024, 1.8),
      cell("CT03", 2022, null),
      cell("CT03", 2023, null, true),
      cell("CT03", 2024, 0.88)
    ],
    {width: 900, selected: "CT02"}
  );
}

const charts: [string, () => HTMLElement][] = [
  ["drift-funnel-plot", driftFunnelPlot],
  ["drift-ae-chart", driftAeChart],
  ["drift-cusum-chart", driftCusumChart],
  ["drift-loss-ratio-heatmap", driftLossRatioHeatmap]
];

describe("drift chart snapshots", () => {
  it.each(charts)("%s renders as its reviewed snapshot", (name, chart) => expectSnapshot(name, chart()));
});
