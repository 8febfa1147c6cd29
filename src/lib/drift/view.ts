/**
 * What the claims-drift page shows for a choice of inputs, from the cells its loaders computed at build time.
 * Browser-safe and free of Framework: the page calls these on every input change; tests call them in Node.
 * The cells arrive as arquero tables over the Arrow files' columns (../arrow.ts): filters, groups and sums run
 * in arquero, and only the small results (one record per segment, period or month shown) become objects. The
 * expressions are arquero's (functions or text it parses, with its `op`), so this module imports no arquero of its
 * own and runs on whichever copy made the tables.
 *
 * Statistical secrecy (../secrecy.ts): a figure describing fewer than MIN_INSURED insured is masked. A cell's
 * `insured` is the number of distinct insured exposed in it; a sum of cells (a segment over a window) is credited
 * with the largest of its cells' counts, a lower bound on its distinct insured, so masking errs on the safe side.
 */
import type {ColumnTable} from "arquero";
import {monthsBetween, periodStart, type Grain} from "../periods.js";
import {publishable} from "../secrecy.js";
import {seriesAlerts, type DriftAlert} from "./alerts.js";
import type {Cell, LossRatioCell} from "./cells.js";
import {poissonCusum, type CusumOptions} from "./cusum.js";
import {aeWithInterval, funnelLimits} from "./poisson.js";
import {segmentSeries} from "./segment-series.js";

export type {Cell, LossRatioCell};

/** Rows and parameters in arquero table expressions, typed loosely: arquero parses their source, never calls them. */
type Row = Record<string, never>;

export interface ViewInputs {
  dimension: string;
  grain: Grain;
  guarantee: string;
  /** "YYYY-MM", inclusive. */
  from: string;
  to: string;
  /** Segments with less exposure (insured-years) over the window are left out. */
  minExposure: number;
  baseline: "segment" | "portfolio";
}

/**
 * The cells of one dimension, grain and guarantee whose period starts inside the months [from, to] (a quarter or
 * year overlapping `from` is kept), with `expected` at the chosen baseline. A filtered view of `cells`, in order.
 */
export function selectCells(cells: ColumnTable, inputs: ViewInputs, grain: Grain = inputs.grain): ColumnTable {
  const selected = cells
    .params({
      dimension: inputs.dimension,
      grain,
      guarantee: inputs.dimension === "guarantee" ? null : inputs.guarantee,
      from: periodStart(`${inputs.from}-01`, grain),
      to: `${inputs.to}-31`
    })
    .filter(
      (d: Row, $: Row) =>
        d.dimension === $.dimension &&
        d.grain === $.grain &&
        ($.guarantee === null || d.guarantee === $.guarantee) &&
        d.period_start >= $.from &&
        d.period_start <= $.to
    );
  return inputs.baseline === "portfolio" ? selected.derive({expected: (d: Row) => d.expected_portfolio}) : selected;
}

export interface SegmentTotal {
  segment: string;
  exposure_years: number;
  insured: number;
  actual: number;
  expected: number;
  cost_eur: number;
  ae: number | null;
  ae_low: number | null;
  ae_high: number | null;
  masked: boolean;
}

/** Totals per segment over the window (monthly cells), with A/E and its exact 95% interval, by segment. */
export function segmentTotals(monthly: ColumnTable): SegmentTotal[] {
  const sums = monthly
    .groupby("segment")
    .rollup({
      exposure_years: "d => op.sum(d.exposure_years)",
      insured: "d => op.max(d.insured)",
      actual: "d => op.sum(d.actual)",
      expected: "d => op.sum(d.expected)",
      cost_eur: "d => op.sum(d.cost_eur)"
    })
    .objects() as Omit<SegmentTotal, "ae" | "ae_low" | "ae_high" | "masked">[];
  return sums
    .map((t) => ({...t, ...aeWithInterval(t.actual, t.expected), masked: !publishable(t.insured)}))
    .sort((a, b) => a.segment.localeCompare(b.segment));
}

export interface FunnelPoint extends SegmentTotal {
  high95: number;
  high998: number;
  low95: number;
  low998: number;
  /** "above 99.8%", "above 95%", "within", "below 95%", "below 99.8%". */
  zone: string;
}

/** Funnel-plot points: segments with enough exposure and insured, each with its limits. */
export function funnelPoints(totals: readonly SegmentTotal[], minExposure: number): FunnelPoint[] {
  return totals
    .filter((t) => !t.masked && t.expected > 0 && t.exposure_years >= minExposure)
    .map((t) => {
      const limits = funnelLimits(t.expected);
      const ae = t.ae ?? 0;
      const zone =
        ae > limits.high998
          ? "above 99.8%"
          : ae > limits.high95
            ? "above 95%"
            : ae < limits.low998
              ? "below 99.8%"
              : ae < limits.low95
                ? "below 95%"
                : "within";
      return {...t, high95: limits.high95, high998: limits.high998, low95: limits.low95, low998: limits.low998, zone};
    });
}

/** The funnel's limit curves from `min` to `max` expected claims on a log grid. */
export function funnelCurve(min: number, max: number, steps = 80) {
  const lo = Math.log(Math.max(min, 0.05));
  const hi = Math.log(Math.max(max, min * 2, 1));
  return Array.from({length: steps + 1}, (_, i) => funnelLimits(Math.exp(lo + ((hi - lo) * i) / steps)));
}

/** The limit curves spanning the points' expected claims (at least 1 to 10), for the funnel plot. */
export function funnelCurveFor(points: readonly Pick<FunnelPoint, "expected">[]) {
  const expected = points.map((p) => p.expected);
  return funnelCurve(Math.min(...expected, 1), Math.max(...expected, 10));
}

export interface AePoint {
  period: string;
  period_start: string;
  exposure_years: number;
  insured: number;
  actual: number | null;
  expected: number | null;
  ae: number | null;
  ae_low: number | null;
  ae_high: number | null;
  masked: boolean;
}

/** One segment's A/E per period with its exact 95% interval; cells under MIN_INSURED are masked. */
export function aeSeries(cells: ColumnTable, segment: string): AePoint[] {
  const periods = cells
    .params({segment})
    .filter((d: Row, $: Row) => d.segment === $.segment)
    .orderby("period_start")
    .objects() as Cell[];
  return periods.map((c) => {
    const masked = !publishable(c.insured);
    return {
      period: c.period,
      period_start: c.period_start,
      exposure_years: c.exposure_years,
      insured: c.insured,
      actual: masked ? null : c.actual,
      expected: masked ? null : c.expected,
      ...(masked ? {ae: null, ae_low: null, ae_high: null} : aeWithInterval(c.actual, c.expected)),
      masked
    };
  });
}

export interface CusumPoint {
  month: string;
  s: number;
  actual: number;
  expected: number;
}

/** The CUSUM path of one segment over the window's months, with its signal and onset months. */
export function cusumView(monthly: ColumnTable, segment: string, from: string, to: string, options: CusumOptions = {}) {
  const months = monthsBetween(`${from}-01`, `${to}-01`);
  const one = monthly.params({segment}).filter((d: Row, $: Row) => d.segment === $.segment);
  const [series] = segmentSeries(one, months);
  const actual = series?.actual ?? new Array<number>(months.length).fill(0);
  const expected = series?.expected ?? new Array<number>(months.length).fill(0);
  const insured = Math.max(0, ...(series?.insured ?? []));
  const result = poissonCusum(actual, expected, options);
  const points: CusumPoint[] = months.map((month, i) => ({
    month,
    s: result.s[i],
    actual: actual[i],
    expected: expected[i]
  }));
  return {
    points,
    h: result.h,
    k: result.k,
    signal: result.signal === null ? null : months[result.signal],
    masked: !publishable(insured)
  };
}

export interface AlertRow extends DriftAlert {
  masked: boolean;
  exposure_years: number;
}

/** Alerts over the window, for segments with enough exposure; masked rows keep the segment, not the figures. */
export function alertsView(monthly: ColumnTable, inputs: ViewInputs, options: CusumOptions = {}): AlertRow[] {
  const months = monthsBetween(`${inputs.from}-01`, `${inputs.to}-01`);
  const exposure = monthly.groupby("segment").rollup({exposure_years: "d => op.sum(d.exposure_years)"});
  const exposed = exposure.params({min: inputs.minExposure}).filter((d: Row, $: Row) => d.exposure_years >= $.min);
  const exposureBySegment = new Map(
    (exposure.objects() as {segment: string; exposure_years: number}[]).map((e) => [e.segment, e.exposure_years])
  );
  return seriesAlerts(segmentSeries(monthly.semijoin(exposed, "segment"), months), options).map((a) => ({
    ...a,
    masked: !publishable(a.insured),
    exposure_years: exposureBySegment.get(a.segment) ?? 0
  }));
}

/** CSV text of the alert list as the page shows it (masked figures left empty). */
export function alertsCsv(alerts: readonly AlertRow[]): string {
  const columns = [
    "segment",
    "onset",
    "signal",
    "reason",
    "actual",
    "expected",
    "ae",
    "excess_claims",
    "excess_cost_eur",
    "window_actual",
    "window_expected",
    "window_ae"
  ] as const;
  const masked = new Set([
    "actual",
    "expected",
    "ae",
    "excess_claims",
    "excess_cost_eur",
    "window_actual",
    "window_expected",
    "window_ae"
  ]);
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return "";
    const text = typeof value === "number" ? String(Math.round(value * 1e4) / 1e4) : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(",")];
  for (const a of alerts) lines.push(columns.map((c) => (a.masked && masked.has(c) ? "" : cell(a[c]))).join(","));
  return lines.join("\n") + "\n";
}

/** Loss-ratio cells of one dimension within the window's years; cells under MIN_INSURED have no ratio. */
export function lossRatioView(
  cells: ColumnTable,
  dimension: string,
  from: string,
  to: string,
  segments?: ReadonlySet<string>
): (LossRatioCell & {masked: boolean})[] {
  const inWindow = lossRatioCells(cells, dimension, from, to);
  const shown = segments
    ? inWindow.params({segments: [...segments]}).filter("(d, $) => op.includes($.segments, d.segment)")
    : inWindow;
  return (shown.objects() as LossRatioCell[]).map((c) => {
    const masked = !publishable(c.insured);
    return {...c, masked, loss_ratio: masked ? null : c.loss_ratio};
  });
}

/** The loss-ratio cells of one dimension whose accident year lies within the window's years, as a table. */
export function lossRatioCells(cells: ColumnTable, dimension: string, from: string, to: string): ColumnTable {
  return cells
    .params({dimension, first: Number(from.slice(0, 4)), last: Number(to.slice(0, 4))})
    .filter((d: Row, $: Row) => d.dimension === $.dimension && d.year >= $.first && d.year <= $.last);
}
