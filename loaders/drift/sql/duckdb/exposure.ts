/**
 * Exposure in insured-years per insured and month (DuckDB dialect).
 * An insured is exposed from max(coverage_start, contract start, window start) to the earliest of the day
 * after coverage_end, the day after the contract's end_date and the day after the window's end (an empty
 * end date means still covered). Each month gets overlap days / 365.25. Quarters and years are sums of
 * months, so the table also carries each month's quarter and year, and the insured's 10-year age band on
 * the first day of the month, of its quarter and of its year (the band of a period is the age on its first day).
 */
import {literal} from "../../../engine/sql.ts";

export interface DateWindow {
  /** First day, inclusive, "YYYY-MM-DD". */
  from: string;
  /** Last day, inclusive, "YYYY-MM-DD". */
  to: string;
}

/** Age in whole years on `at` of someone born on `birth` (a Feb 29 birthday counts from Mar 1). */
export function ageSql(birth: string, at: string): string {
  return `(year(${at}) - year(${birth}) - CASE WHEN month(${at}) * 100 + day(${at}) < month(${birth}) * 100 + day(${birth}) THEN 1 ELSE 0 END)`;
}

/** "30-39" for ages 30 to 39. */
export function ageBandSql(age: string): string {
  return `printf('%d-%d', (${age} // 10) * 10, (${age} // 10) * 10 + 9)`;
}

/** Period starts and age bands of a month: month_start, quarter_start, year_start, band_month/quarter/year. */
export function periodColumnsSql(monthStart: string, birth: string): string {
  const quarter = `CAST(date_trunc('quarter', ${monthStart}) AS DATE)`;
  const year = `CAST(date_trunc('year', ${monthStart}) AS DATE)`;
  return `${monthStart} AS month_start, ${quarter} AS quarter_start, ${year} AS year_start,
       ${ageBandSql(ageSql(birth, monthStart))} AS band_month,
       ${ageBandSql(ageSql(birth, quarter))} AS band_quarter,
       ${ageBandSql(ageSql(birth, year))} AS band_year`;
}

export function monthsSql(window: DateWindow): string {
  return `SELECT CAST(p AS DATE) AS month_start, CAST(p + INTERVAL 1 MONTH AS DATE) AS month_end
    FROM range(CAST(date_trunc('month', DATE ${literal(window.from)}) AS TIMESTAMP),
               CAST(DATE ${literal(window.to)} + 1 AS TIMESTAMP), INTERVAL 1 MONTH) AS t(p)`;
}

export function createExposureSql(table: string, window: DateWindow): string {
  const from = `DATE ${literal(window.from)}`;
  const until = `(DATE ${literal(window.to)} + 1)`;
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
WITH months AS (${monthsSql(window)}),
cover AS (
  SELECT i.insured_id, i.contract_id, c.sector_naf, c.region, i.sex, i.job_category, i.birth_date,
         greatest(i.coverage_start, c.start_date, ${from}) AS cover_from,
         least(coalesce(i.coverage_end + 1, ${until}), coalesce(c.end_date + 1, ${until}), ${until}) AS cover_until
  FROM insured i JOIN contracts c ON c.contract_id = i.contract_id
)
SELECT ${periodColumnsSql("m.month_start", "v.birth_date")},
       v.insured_id, v.contract_id, v.sector_naf, v.region, v.sex, v.job_category,
       date_diff('day', greatest(v.cover_from, m.month_start), least(v.cover_until, m.month_end)) / 365.25 AS years
FROM cover v JOIN months m ON v.cover_from < m.month_end AND v.cover_until > m.month_start`;
}
