/**
 * The drill-down queries of the claims-drift page, run in the browser by DuckDB-Wasm over the per-claim table
 * `claims` (src/data/drift-claims.arrow) and by the bench in Node DuckDB over the same rows. Values travel as
 * parameters (?), the column comes from a fixed list. Rows describing fewer than 11 claimants are masked by
 * the page.
 */
import {segmentColumn} from "./dimensions.js";

/** The per-claim table names its columns as the staged tables do. */
const drillColumns: Record<string, string> = segmentColumn;

const periodExpr: Record<string, string> = {
  month: "month",
  quarter: "substr(month, 1, 4) || '-Q' || CAST((CAST(substr(month, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR)",
  year: "substr(month, 1, 4)"
};

function where(dimension: string): string {
  const column = drillColumns[dimension];
  if (!column) throw new Error(`no drill-down for dimension ${dimension}`);
  // The guarantee dimension's segment is the guarantee itself: the guarantee filter is then the same test.
  return `${column} = ? AND guarantee = ? AND month BETWEEN ? AND ?`;
}

/** Claims, distinct claimants, days paid and cost per period. Parameters: segment, guarantee, from, to. */
export function drillByPeriodSql(dimension: string, grain: string): string {
  const period = periodExpr[grain] ?? periodExpr.month;
  return `SELECT ${period} AS period, count(*)::INTEGER AS claims, count(DISTINCT person)::INTEGER AS claimants,
  sum(days_paid)::DOUBLE AS days_paid, sum(cost_eur)::DOUBLE AS cost_eur,
  sum(CASE WHEN status = 'open' THEN 1 ELSE 0 END)::INTEGER AS open
FROM claims WHERE ${where(dimension)} GROUP BY 1 ORDER BY 1`;
}

/** Claims by age band, sex and job category with mean days paid and mean cost. Same parameters. */
export function drillByProfileSql(dimension: string): string {
  return `SELECT age_band, sex, job_category, count(*)::INTEGER AS claims, count(DISTINCT person)::INTEGER AS claimants,
  avg(days_paid)::DOUBLE AS mean_days_paid, avg(cost_eur)::DOUBLE AS mean_cost_eur
FROM claims WHERE ${where(dimension)} GROUP BY ALL ORDER BY age_band, sex, job_category`;
}
