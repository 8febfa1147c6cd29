// @vitest-environment jsdom
/**
 * The ROI curves on fixed data, checked as SVG snapshots (tests/components/snapshot.ts): the three curves the
 * explorer draws for a 40-claim backtest, at the width of one of two charts side by side on a 1400 px page.
 */
import {describe, expect, it} from "vitest";
import {curveChart} from "../../../src/components/roi/curve-chart.ts";
import type {BacktestClaim} from "../../../src/lib/roi/backtest.ts";
import {explorerCurves, type CurveSpec} from "../../../src/lib/roi/explorer-charts.ts";
import {economicsState, prepare, type Prepared} from "../../../src/lib/roi/explorer-model.ts";
import {expectSnapshot} from "../snapshot.ts";

/** 40 claims, scores 1 - i/40, abuses at i = 0, 2, 4, 6, 8, 15, 25, 35 saving 5,000 EUR; every fifth random-arm. */
function backtest(): Prepared {
  const abuses = new Set([0, 2, 4, 6, 8, 15, 25, 35]);
  const claims: BacktestClaim[] = Array.from({length: 40}, (_, i) => ({
    key: i + 1,
    score: 1 - i / 40,
    abuse: abuses.has(i),
    saving: abuses.has(i) ? 5000 : 0,
    arm: i % 5 === 0 ? "random" : "rule"
  }));
  return prepare(claims, {resamples: 20});
}

const render = (spec: CurveSpec, k: number, y: number | null) => {
  const chart = curveChart(spec.points, {...spec, width: 560});
  chart.setPoint(k, y);
  return chart;
};

describe("the ROI curve charts", () => {
  const prepared = backtest();
  const state = economicsState(prepared, {costPerExpertise: 300, savingPerAbuse: 8000});
  const curves = explorerCurves(prepared, state);

  it("roi-curve-gain: draws the share of abuses found against the random order", () => {
    expectSnapshot("roi-curve-gain", render(curves.gain, 20, 0.75));
  });

  it("roi-curve-lift: draws the lift with the random order and the break-even lines", () => {
    expectSnapshot("roi-curve-lift", render(curves.lift, 20, 2));
  });

  it("roi-curve-net: draws net savings with today's rule and the optimum", () => {
    expectSnapshot("roi-curve-net", render(curves.net, 36, state.optimum.net_eur));
  });

  it("writes axis and label text at 12 px", () => {
    const svg = render(curves.gain, 20, 0.75).querySelector("svg")!;
    expect(svg.getAttribute("style")).toContain("font-size: 12px");
  });
});
