/**
 * The drill-down queries of the claims-drift page, run in the browser by DuckDB-Wasm over the two pre-aggregated
 * cubes the build publishes (src/data/drift-drill-periods.arrow as `periods`, drift-drill-profiles.arrow as
 * `profiles`; loaders/drift/sql/duckdb/drill-cube.ts), and by the bench in Node DuckDB over the same files. No claim
 * and no person is published: rows describing fewer than 11 claimants arrive masked (NULL figures, `masked` true).
 * Values travel as parameters (?).
 */
import {periodStart, type Grain} from "../periods.js";

/** Claims, claimants, days paid, cost and open claims per period of the grain overlapping the window. */
export const drillByPeriodSql = `SELECT period, claims, claimants, days_paid, cost_eur, open, masked FROM periods
WHERE dimension = ? AND segment = ? AND guarantee = ? AND grain = ? AND period_start BETWEEN ? AND ?
ORDER BY period_start`;

/** Claims by age band, sex and job category over the whole analysis window. */
export const drillByProfileSql = `SELECT age_band, sex, job_category, claims, claimants, mean_days_paid, mean_cost_eur,
  masked FROM profiles WHERE dimension = ? AND segment = ? AND guarantee = ? ORDER BY age_band, sex, job_category`;

/** The parameters of both queries for a segment, a guarantee and a window of months ("YYYY-MM"). */
export function drillParams(
  view: {dimension: string; grain: Grain; guarantee: string; from: string; to: string},
  segment: string
): {byPeriod: string[]; byProfile: string[]} {
  // The guarantee dimension's segment is the guarantee itself.
  const guarantee = view.dimension === "guarantee" ? segment : view.guarantee;
  const from = periodStart(`${view.from}-01`, view.grain);
  return {
    byPeriod: [view.dimension, segment, guarantee, view.grain, from, `${view.to}-01`],
    byProfile: [view.dimension, segment, guarantee]
  };
}
