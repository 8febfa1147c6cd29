/**
 * The headline figures of the claims-drift page: what its cards and the funnel's note say. Masked alerts (fewer
 * than 11 insured) count as alerts but add nothing to the excess: their figures are not published.
 */
import type {AlertRow, SegmentTotal} from "./view.js";

export interface DriftKpis {
  segments: number;
  alerts: number;
  excessClaims: number;
  excessCostEur: number;
  /** Segments left off the funnel plot because they describe too few insured. */
  maskedSegments: number;
  /** Segments left off because their exposure is under the minimum. */
  smallExposureSegments: number;
}

export function driftKpis(
  totals: readonly SegmentTotal[],
  alerts: readonly AlertRow[],
  minExposure: number
): DriftKpis {
  const published = alerts.filter((a) => !a.masked);
  return {
    segments: totals.length,
    alerts: alerts.length,
    excessClaims: published.reduce((sum, a) => sum + a.excess_claims, 0),
    excessCostEur: published.reduce((sum, a) => sum + a.excess_cost_eur, 0),
    maskedSegments: totals.filter((t) => t.masked).length,
    smallExposureSegments: totals.filter((t) => !t.masked && t.exposure_years < minExposure).length
  };
}
