/**
 * Drift alerts from monthly actual/expected cells, shared by the CLI and the page (browser-safe).
 *
 * A segment is alerted when its Poisson CUSUM signals (see ./cusum.ts) or when its A/E over the whole window
 * lies above the upper 99.8% funnel limit (see ./poisson.ts). The onset is the maximum-likelihood change
 * point of the A/E ratio (./change-point.ts), no later than the CUSUM's signal; the CUSUM's own estimate (its
 * last zero) is the fallback.
 * Since the onset: excess claims = actual - expected; excess cost = excess claims x the mean cost
 * (paid + reserve) of the segment's claims since the onset. Alerts are sorted by excess cost, largest first.
 */
import {poissonChangePoint} from "./change-point.js";
import {poissonCusum, type CusumOptions} from "./cusum.js";
import {funnelLimits} from "./poisson.js";

export interface MonthlyCell {
  segment: string;
  /** "YYYY-MM" */
  period: string;
  actual: number;
  expected: number;
  cost_eur: number;
  insured: number;
}

export interface DriftAlert {
  segment: string;
  /** Estimated first month of the drift, "YYYY-MM". */
  onset: string;
  /** First month the CUSUM passed its threshold, or null for a funnel-only alert. */
  signal: string | null;
  reason: "cusum" | "funnel" | "cusum+funnel";
  /** Claims and expected claims since the onset. */
  actual: number;
  expected: number;
  ae: number | null;
  excess_claims: number;
  excess_cost_eur: number;
  /** Totals over the whole window, as placed on the funnel plot. */
  window_actual: number;
  window_expected: number;
  window_ae: number | null;
  funnel_high998: number | null;
  /** Largest monthly count of insured exposed: a lower bound on the insured the alert describes. */
  insured: number;
}

export interface SegmentSeries {
  segment: string;
  months: string[];
  actual: number[];
  expected: number[];
  cost: number[];
  insured: number[];
}

/** One series per segment over `months` (missing months count as no exposure and no claim). */
export function monthlySeries(cells: readonly MonthlyCell[], months: readonly string[]): SegmentSeries[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const bySegment = new Map<string, SegmentSeries>();
  for (const cell of cells) {
    const i = index.get(cell.period);
    if (i === undefined) continue;
    let series = bySegment.get(cell.segment);
    if (!series) {
      const zeros = () => new Array<number>(months.length).fill(0);
      series = {
        segment: cell.segment,
        months: [...months],
        actual: zeros(),
        expected: zeros(),
        cost: zeros(),
        insured: zeros()
      };
      bySegment.set(cell.segment, series);
    }
    series.actual[i] += cell.actual;
    series.expected[i] += cell.expected;
    series.cost[i] += cell.cost_eur;
    series.insured[i] = Math.max(series.insured[i], cell.insured);
  }
  return [...bySegment.values()];
}

const sum = (values: readonly number[], from = 0) => values.slice(from).reduce((a, b) => a + b, 0);

/** The alert for one segment's series, or null when neither the CUSUM nor the funnel flags it. */
export function segmentAlert(series: SegmentSeries, options: CusumOptions = {}): DriftAlert | null {
  const cusum = poissonCusum(series.actual, series.expected, options);
  const windowActual = sum(series.actual);
  const windowExpected = sum(series.expected);
  const limit = windowExpected > 0 ? funnelLimits(windowExpected).high998 : null;
  const windowAe = windowExpected > 0 ? windowActual / windowExpected : null;
  const aboveFunnel = limit !== null && windowAe !== null && windowAe > limit;
  if (cusum.signal === null && !aboveFunnel) return null;
  const onset = poissonChangePoint(series.actual, series.expected, cusum.signal ?? undefined) ?? cusum.onset ?? 0;
  const actual = sum(series.actual, onset);
  const expected = sum(series.expected, onset);
  const cost = sum(series.cost, onset);
  const excess = actual - expected;
  return {
    segment: series.segment,
    onset: series.months[onset],
    signal: cusum.signal === null ? null : series.months[cusum.signal],
    reason: cusum.signal !== null && aboveFunnel ? "cusum+funnel" : cusum.signal !== null ? "cusum" : "funnel",
    actual,
    expected,
    ae: expected > 0 ? actual / expected : null,
    excess_claims: excess,
    excess_cost_eur: actual > 0 ? (excess * cost) / actual : 0,
    window_actual: windowActual,
    window_expected: windowExpected,
    window_ae: windowAe,
    funnel_high998: limit,
    insured: Math.max(0, ...series.insured)
  };
}

export function driftAlerts(
  cells: readonly MonthlyCell[],
  months: readonly string[],
  options: CusumOptions = {}
): DriftAlert[] {
  return seriesAlerts(monthlySeries(cells, months), options);
}

/** The alerts of segments already laid out as monthly series, largest excess cost first. */
export function seriesAlerts(series: Iterable<SegmentSeries>, options: CusumOptions = {}): DriftAlert[] {
  const alerts: DriftAlert[] = [];
  for (const one of series) {
    const alert = segmentAlert(one, options);
    if (alert) alerts.push(alert);
  }
  return alerts.sort((a, b) => b.excess_cost_eur - a.excess_cost_eur || a.segment.localeCompare(b.segment));
}
