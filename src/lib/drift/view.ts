/**
 * What the claims-drift page shows for a choice of inputs, from the cells its loaders computed at build time.
 * Browser-safe and free of Framework: the page calls these on every input change; tests call them in Node.
 *
 * Statistical secrecy: a figure describing fewer than MIN_INSURED insured is masked. A cell's `insured` is the
 * number of distinct insured exposed in it; a sum of cells (a segment over a window) is credited with the
 * largest of its cells' counts, a lower bound on its distinct insured, so masking errs on the safe side.
 */
import {monthsBetween, type Grain} from "../periods.js";
import {driftAlerts, type DriftAlert, type MonthlyCell} from "./alerts.js";
import {poissonCusum, type CusumOptions} from "./cusum.js";
import {aeWithInterval, funnelLimits} from "./poisson.js";

export const MIN_INSURED = 11;

export interface Cell {
  dimension: string;
  grain: Grain;
  segment: string;
  guarantee: string;
  period: string;
  period_start: string;
  exposure_years: number;
  insured: number;
  actual: number;
  expected: number;
  expected_portfolio: number;
  cost_eur: number;
}

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

/** The cells of one dimension, grain and guarantee whose period starts inside the months [from, to]. */
export function selectCells(
  cells: readonly Cell[],
  inputs: ViewInputs,
  grain: Grain = inputs.grain
): MonthlyCell[] & Cell[] {
  const from = `${inputs.from}-01`;
  const to = `${inputs.to}-31`;
  const guarantee = inputs.dimension === "guarantee" ? null : inputs.guarantee;
  const out: (MonthlyCell & Cell)[] = [];
  for (const c of cells) {
    if (c.dimension !== inputs.dimension || c.grain !== grain) continue;
    if (guarantee !== null && c.guarantee !== guarantee) continue;
    if (c.period_start < periodFloor(from, grain) || c.period_start > to) continue;
    out.push({...c, expected: inputs.baseline === "portfolio" ? c.expected_portfolio : c.expected});
  }
  return out;
}

/** The first day of the period of `grain` holding `date`, so a quarter or year overlapping `from` is kept. */
function periodFloor(date: string, grain: Grain): string {
  if (grain === "month") return date;
  if (grain === "year") return `${date.slice(0, 4)}-01-01`;
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
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

/** Totals per segment over the window (monthly cells), with A/E and its exact 95% interval. */
export function segmentTotals(monthly: readonly Cell[]): SegmentTotal[] {
  const by = new Map<string, SegmentTotal>();
  for (const c of monthly) {
    let t = by.get(c.segment);
    if (!t) {
      t = {
        segment: c.segment,
        exposure_years: 0,
        insured: 0,
        actual: 0,
        expected: 0,
        cost_eur: 0,
        ae: null,
        ae_low: null,
        ae_high: null,
        masked: true
      };
      by.set(c.segment, t);
    }
    t.exposure_years += c.exposure_years;
    t.insured = Math.max(t.insured, c.insured);
    t.actual += c.actual;
    t.expected += c.expected;
    t.cost_eur += c.cost_eur;
  }
  for (const t of by.values()) {
    Object.assign(t, aeWithInterval(t.actual, t.expected));
    t.masked = t.insured < MIN_INSURED;
  }
  return [...by.values()].sort((a, b) => a.segment.localeCompare(b.segment));
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
export function aeSeries(cells: readonly Cell[], segment: string): AePoint[] {
  return cells
    .filter((c) => c.segment === segment)
    .sort((a, b) => a.period_start.localeCompare(b.period_start))
    .map((c) => {
      const masked = c.insured < MIN_INSURED;
      const ae = aeWithInterval(c.actual, c.expected);
      return {
        period: c.period,
        period_start: c.period_start,
        exposure_years: c.exposure_years,
        insured: c.insured,
        actual: masked ? null : c.actual,
        expected: masked ? null : c.expected,
        ...(masked ? {ae: null, ae_low: null, ae_high: null} : ae),
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
export function cusumView(
  monthly: readonly Cell[],
  segment: string,
  from: string,
  to: string,
  options: CusumOptions = {}
) {
  const months = monthsBetween(`${from}-01`, `${to}-01`);
  const index = new Map(months.map((m, i) => [m, i]));
  const actual = new Array<number>(months.length).fill(0);
  const expected = new Array<number>(months.length).fill(0);
  let insured = 0;
  for (const c of monthly) {
    const i = index.get(c.period);
    if (c.segment !== segment || i === undefined) continue;
    actual[i] += c.actual;
    expected[i] += c.expected;
    insured = Math.max(insured, c.insured);
  }
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
    masked: insured < MIN_INSURED
  };
}

export interface AlertRow extends DriftAlert {
  masked: boolean;
  exposure_years: number;
}

/** Alerts over the window, for segments with enough exposure; masked rows keep the segment, not the figures. */
export function alertsView(monthly: readonly Cell[], inputs: ViewInputs, options: CusumOptions = {}): AlertRow[] {
  const months = monthsBetween(`${inputs.from}-01`, `${inputs.to}-01`);
  const exposure = new Map<string, number>();
  for (const c of monthly) exposure.set(c.segment, (exposure.get(c.segment) ?? 0) + c.exposure_years);
  const eligible = monthly.filter((c) => (exposure.get(c.segment) ?? 0) >= inputs.minExposure);
  return driftAlerts(eligible, months, options).map((a) => ({
    ...a,
    masked: a.insured < MIN_INSURED,
    exposure_years: exposure.get(a.segment) ?? 0
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

export interface LossRatioCell {
  dimension: string;
  segment: string;
  year: number;
  premium_eur: number;
  cost_eur: number;
  claims: number;
  loss_ratio: number | null;
  insured: number;
}

/** Loss-ratio cells of one dimension within the window's years; cells under MIN_INSURED have no ratio. */
export function lossRatioView(
  cells: readonly LossRatioCell[],
  dimension: string,
  from: string,
  to: string,
  segments?: ReadonlySet<string>
) {
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  return cells
    .filter((c) => c.dimension === dimension && c.year >= y0 && c.year <= y1 && (!segments || segments.has(c.segment)))
    .map((c) => ({...c, masked: c.insured < MIN_INSURED, loss_ratio: c.insured < MIN_INSURED ? null : c.loss_ratio}));
}
