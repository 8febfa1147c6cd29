/**
 * Exposure in insured-years per insured and period (DuckDB dialect).
 * An insured is exposed from max(coverage_start, contract start, window start) to the earliest of the day
 * after coverage_end, the day after the contract's end_date and the day after the window's end (an empty
 * end date means still covered). Each period gets overlap days / 365.25. The age band is the 10-year band
 * of the age in whole years reached on the first day of the period.
 */
import {literal} from "../../../engine/sql.ts";
import type {Grain} from "../../../shared/periods.ts";

export interface DateWindow {
  /** First day, inclusive, "YYYY-MM-DD". */
  from: string;
  /** Last day, inclusive, "YYYY-MM-DD". */
  to: string;
}

export const step: Record<Grain, string> = {month: "INTERVAL 1 MONTH", quarter: "INTERVAL 3 MONTH", year: "INTERVAL 1 YEAR"};

/** Age in whole years on `at` of someone born on `birth` (a Feb 29 birthday counts from Mar 1). */
export function ageSql(birth: string, at: string): string {
  return `(year(${at}) - year(${birth}) - CASE WHEN month(${at}) * 100 + day(${at}) < month(${birth}) * 100 + day(${birth}) THEN 1 ELSE 0 END)`;
}

/** "30-39" for ages 30 to 39. */
export function ageBandSql(age: string): string {
  return `printf('%d-%d', (${age} // 10) * 10, (${age} // 10) * 10 + 9)`;
}

export function periodsSql(grain: Grain, window: DateWindow): string {
  return `SELECT CAST(p AS DATE) AS period_start, CAST(p + ${step[grain]} AS DATE) AS period_end
    FROM range(CAST(date_trunc('${grain}', DATE ${literal(window.from)}) AS TIMESTAMP),
               CAST(DATE ${literal(window.to)} + 1 AS TIMESTAMP), ${step[grain]}) AS t(p)`;
}

export function createExposureSql(table: string, grain: Grain, window: DateWindow): string {
  const from = `DATE ${literal(window.from)}`;
  const until = `(DATE ${literal(window.to)} + 1)`;
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
WITH periods AS (${periodsSql(grain, window)}),
cover AS (
  SELECT i.insured_id, i.contract_id, c.sector_naf, c.region, i.sex, i.job_category, i.birth_date,
         greatest(i.coverage_start, c.start_date, ${from}) AS cover_from,
         least(coalesce(i.coverage_end + 1, ${until}), coalesce(c.end_date + 1, ${until}), ${until}) AS cover_until
  FROM insured i JOIN contracts c ON c.contract_id = i.contract_id
)
SELECT p.period_start, v.insured_id, v.contract_id, v.sector_naf, v.region, v.sex, v.job_category,
       ${ageBandSql(ageSql("v.birth_date", "p.period_start"))} AS age_band,
       date_diff('day', greatest(v.cover_from, p.period_start), least(v.cover_until, p.period_end)) / 365.25 AS years
FROM cover v JOIN periods p ON v.cover_from < p.period_end AND v.cover_until > p.period_start`;
}
