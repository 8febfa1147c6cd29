/**
 * The drill-down cubes of the claims-drift page (DuckDB dialect), computed over one row per claim of the window
 * (`source`: insured_id, contract_id, sector_naf, region, guarantee, month_start, sex, job_category, age_band,
 * days_paid, cost_eur, status) so that no claim and no person leaves the build:
 *  - periods: per dimension, segment, guarantee, grain and period: claims, distinct claimants, days paid, cost,
 *    open claims;
 *  - profiles: per dimension, segment and guarantee, over the whole analysis window, by age band, sex and job
 *    category: claims, distinct claimants, mean days paid and mean cost.
 * A row describing fewer than 11 claimants is masked before it is written: its figures are NULL and `masked` true.
 */
import {segmentColumn} from "../../../../src/lib/drift/dimensions.ts";
import {MIN_INSURED} from "../../../../src/lib/secrecy.ts";
import {literal} from "../../../engine/sql.ts";

/** A period's label from its first day (`start`), once per output row rather than once per claim. */
const periodLabel = `CASE grain WHEN 'month' THEN strftime(start, '%Y-%m')
       WHEN 'quarter' THEN strftime(start, '%Y') || '-Q' || CAST(quarter(start) AS VARCHAR)
       ELSE strftime(start, '%Y') END`;
const grainsOfPeriods = ["month", "quarter", "year"] as const;

const masked = (expression: string) => `CASE WHEN claimants < ${MIN_INSURED} THEN NULL ELSE ${expression} END`;

/** One UNION ALL branch per dimension; the guarantee dimension's segment is the guarantee itself. */
function perDimension(select: (dimension: string, column: string) => string): string {
  return Object.entries(segmentColumn)
    .map(([dimension, column]) => select(dimension, column))
    .join("\nUNION ALL\n");
}

export function drillPeriodsSql(source: string): string {
  const branches = perDimension((dimension, column) =>
    grainsOfPeriods
      .map(
        (grain) => `SELECT ${literal(dimension)} AS dimension, ${column} AS segment, guarantee,
       ${literal(grain)} AS grain, CAST(date_trunc('${grain}', month_start) AS DATE) AS start,
       count(*) AS claims, count(DISTINCT insured_id) AS claimants, sum(coalesce(days_paid, 0)) AS days_paid,
       sum(cost_eur) AS cost_eur, count(*) FILTER (WHERE status = 'open') AS open
FROM (${source}) GROUP BY ALL`
      )
      .join("\nUNION ALL\n")
  );
  return `SELECT dimension, segment, guarantee, grain, ${periodLabel} AS period, strftime(start, '%Y-%m-%d') AS period_start,
       ${masked("claims")} AS claims, ${masked("claimants")} AS claimants, ${masked("days_paid")} AS days_paid,
       ${masked("cost_eur")} AS cost_eur, ${masked("open")} AS open, claimants < ${MIN_INSURED} AS masked
FROM (${branches})
ORDER BY dimension, segment, guarantee, grain, period_start`;
}

export function drillProfilesSql(source: string): string {
  const branches = perDimension(
    (dimension, column) => `SELECT ${literal(dimension)} AS dimension, ${column} AS segment, guarantee,
       age_band, sex, job_category, count(*) AS claims, count(DISTINCT insured_id) AS claimants,
       avg(coalesce(days_paid, 0)) AS mean_days_paid, avg(cost_eur) AS mean_cost_eur
FROM (${source}) GROUP BY ALL`
  );
  return `SELECT dimension, segment, guarantee, age_band, sex, job_category,
       ${masked("claims")} AS claims, ${masked("claimants")} AS claimants,
       ${masked("mean_days_paid")} AS mean_days_paid, ${masked("mean_cost_eur")} AS mean_cost_eur,
       claimants < ${MIN_INSURED} AS masked
FROM (${branches})
ORDER BY dimension, segment, guarantee, age_band, sex, job_category`;
}

/** The drill source over drift's claim facts table (DuckDB path). */
export function factsSourceSql(facts: string): string {
  return `SELECT insured_id, contract_id, sector_naf, region, guarantee, month_start, sex, job_category,
       band_month AS age_band, days_paid, cost_eur, status FROM ${facts}`;
}
