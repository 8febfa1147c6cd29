/**
 * What the ROI explorer's three curves show, as plain data: the gain, lift and net-savings series with their
 * reference lines and marks, computed from the prepared backtest and the economics. Pure (no DOM, no Plot), so
 * the masking and the references are tested without rendering; the component hands each spec to curveChart.
 */
import {formatCount, formatPercent} from "../format.js";
import {publishable} from "../secrecy.js";
import type {EconomicsState, Prepared} from "./explorer-model.js";

export interface XY {
  x: number;
  y: number;
}

export interface CurveSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  points: XY[];
  rules: {y: number; label: string}[];
  references: {points: XY[]; label: string}[];
  marks: {x: number; y: number; label: string}[];
  yPercent: boolean;
}

export interface ExplorerCurves {
  gain: CurveSpec;
  lift: CurveSpec;
  net: CurveSpec;
}

/** The three curves. Below 11 claims they would describe single people: only the axes are drawn. */
export function explorerCurves(prepared: Prepared, state: EconomicsState): ExplorerCurves {
  const {bt, rule} = prepared;
  const economics = state.eco;
  const shown = publishable(bt.n);
  const curve = shown ? state.curve : [];
  const diagonal = (y: number) => [
    {x: 0, y: 0},
    {x: bt.n, y}
  ];
  const gain: CurveSpec = {
    title: "Gain: share of the abuses found",
    xLabel: "Expertises ordered (top claims by score) →",
    yLabel: "↑ Abuses found (recall)",
    points: curve.map((p) => ({x: p.k, y: p.recall})),
    rules: [],
    references: [{points: diagonal(1), label: "random order"}],
    marks: [],
    yPercent: true
  };
  const breakEven =
    bt.baseRate && Number.isFinite(state.breakEven)
      ? [{y: state.breakEven / bt.baseRate, label: `break-even (precision ${formatPercent(state.breakEven, 2)})`}]
      : [];
  const lift: CurveSpec = {
    title: "Lift: precision over the base rate",
    xLabel: "Expertises ordered →",
    yLabel: "↑ Lift",
    points: curve.filter((p) => p.lift !== null).map((p) => ({x: p.k, y: p.lift as number})),
    rules: [{y: 1, label: "random order (lift 1)"}, ...breakEven],
    references: [],
    marks: [],
    yPercent: false
  };
  // Today's rule has no ranking: at k expertises it is expected to net k x (its hit rate x saving - cost).
  const ruleSaving = economics.savingPerAbuse ?? (rule.abuses ? rule.savings_eur / rule.abuses : state.savingPerAbuse);
  const ruleShown = rule.precision !== null && shown && publishable(rule.claims);
  const net: CurveSpec = {
    title: "Net savings by capacity",
    xLabel: "Expertises ordered →",
    yLabel: "↑ Net savings (€)",
    points: curve.map((p) => ({x: p.k, y: p.net_eur})),
    rules: [{y: 0, label: "break-even"}],
    references: ruleShown
      ? [
          {
            points: diagonal(bt.n * ((rule.precision as number) * ruleSaving - economics.costPerExpertise)),
            label: "today's rule"
          }
        ]
      : [],
    marks: shown
      ? [{x: state.optimum.k, y: state.optimum.net_eur, label: `optimum ${formatCount(state.optimum.k)}`}]
      : [],
    yPercent: false
  };
  return {gain, lift, net};
}
