/**
 * Reference claim frequencies per insured-year by guarantee x sex x job category x age band (DuckDB dialect),
 * from the claims and exposure of the reference window (age band on the first day of each month). A cell with no reference exposure takes the
 * guarantee's overall rate over the reference window. The table holds every band from 0-9 to 120-129 so any
 * insured finds a rate.
 */
import {literal} from "../../../engine/sql.ts";

/**
 * How a group's claims are counted: one row per claim here; the ClickHouse path runs the same statements over
 * a claims cube, where each row carries a `claims` count (../../local-sql.ts).
 */
export const CLAIM_ROWS = "count(*)";
export const CLAIM_CUBE = "sum(claims)::BIGINT";

export function createReferenceRatesSql(table: string, exposure: string, facts: string, claims = CLAIM_ROWS): string {
  return `CREATE OR REPLACE TABLE ${table} AS
WITH guarantees AS (SELECT DISTINCT guarantee FROM claims),
groups AS (SELECT DISTINCT sex, job_category FROM insured),
bands AS (SELECT printf('%d-%d', b, b + 9) AS age_band FROM range(0, 130, 10) AS t(b)),
ref_exposure AS (SELECT sex, job_category, band_month AS age_band, sum(years) AS years FROM ${exposure} GROUP BY ALL),
ref_claims AS (SELECT guarantee, sex, job_category, band_month AS age_band, ${claims} AS claims FROM ${facts} GROUP BY ALL),
overall AS (
  SELECT g.guarantee, (SELECT coalesce(${claims}, 0) FROM ${facts} f WHERE f.guarantee = g.guarantee)
         / nullif((SELECT sum(years) FROM ${exposure}), 0) AS rate
  FROM guarantees g
)
SELECT g.guarantee, k.sex, k.job_category, b.age_band,
       CASE WHEN coalesce(e.years, 0) > 0 THEN coalesce(c.claims, 0) / e.years ELSE coalesce(o.rate, 0) END AS annual_rate,
       coalesce(e.years, 0) AS reference_years, coalesce(c.claims, 0) AS reference_claims
FROM guarantees g CROSS JOIN groups k CROSS JOIN bands b
JOIN overall o ON o.guarantee = g.guarantee
LEFT JOIN ref_exposure e ON e.sex = k.sex AND e.job_category = k.job_category AND e.age_band = b.age_band
LEFT JOIN ref_claims c ON c.guarantee = g.guarantee AND c.sex = k.sex AND c.job_category = k.job_category AND c.age_band = b.age_band`;
}

/**
 * Reference rates given by the actuaries in reference_rates.csv (guarantee,sex,job_category,age_band,annual_rate).
 * Cells the file does not list take the mean of the listed rates of their guarantee.
 */
export function createReferenceRatesFromCsvSql(table: string, csvPath: string): string {
  return `CREATE OR REPLACE TABLE ${table} AS
WITH given AS (
  SELECT trim(guarantee) AS guarantee, trim(sex) AS sex, trim(job_category) AS job_category, trim(age_band) AS age_band,
         annual_rate
  FROM read_csv(${literal(csvPath)}, header = true, auto_detect = false,
       columns = {'guarantee': 'VARCHAR', 'sex': 'VARCHAR', 'job_category': 'VARCHAR', 'age_band': 'VARCHAR', 'annual_rate': 'DOUBLE'})
),
guarantees AS (SELECT DISTINCT guarantee FROM given UNION SELECT DISTINCT guarantee FROM claims),
groups AS (SELECT DISTINCT sex, job_category FROM insured),
bands AS (SELECT printf('%d-%d', b, b + 9) AS age_band FROM range(0, 130, 10) AS t(b)),
means AS (SELECT guarantee, avg(annual_rate) AS rate FROM given GROUP BY ALL)
SELECT g.guarantee, k.sex, k.job_category, b.age_band, coalesce(v.annual_rate, m.rate, 0) AS annual_rate,
       NULL::DOUBLE AS reference_years, NULL::BIGINT AS reference_claims
FROM guarantees g CROSS JOIN groups k CROSS JOIN bands b
LEFT JOIN means m ON m.guarantee = g.guarantee
LEFT JOIN given v ON v.guarantee = g.guarantee AND v.sex = k.sex AND v.job_category = k.job_category AND v.age_band = b.age_band`;
}

/**
 * Seasonal factor per guarantee and calendar month, portfolio-wide over the reference window:
 * (claims in that calendar month + c) / (expected at the reference rates x the guarantee's overall A/E + c),
 * with c = 20 claims of credibility so a rare guarantee's factors stay near 1. Sick leave
 * peaks in winter: without this the winter months of every large segment would read as drift.
 */
export const SEASON_CREDIBILITY = 20;

export function createSeasonSql(
  table: string,
  rates: string,
  exposure: string,
  facts: string,
  claims = CLAIM_ROWS
): string {
  return `CREATE OR REPLACE TABLE ${table} AS
WITH e AS (
  SELECT r.guarantee, month(x.month_start) AS moy, sum(x.years * r.annual_rate) AS expected
  FROM ${exposure} x JOIN ${rates} r ON r.sex = x.sex AND r.job_category = x.job_category AND r.age_band = x.band_month
  GROUP BY ALL
),
a AS (SELECT guarantee, month(month_start) AS moy, ${claims} AS actual FROM ${facts} GROUP BY ALL),
m AS (SELECT e.guarantee, e.moy, e.expected, coalesce(a.actual, 0) AS actual
      FROM e LEFT JOIN a ON a.guarantee = e.guarantee AND a.moy = e.moy),
level AS (SELECT guarantee, sum(actual) / nullif(sum(expected), 0) AS level FROM m GROUP BY ALL)
SELECT g.guarantee, CAST(t.moy AS INTEGER) AS moy,
       coalesce((m.actual + ${SEASON_CREDIBILITY}) / nullif(m.expected * l.level + ${SEASON_CREDIBILITY}, 0), 1) AS factor
FROM (SELECT DISTINCT guarantee FROM ${rates}) g CROSS JOIN range(1, 13) AS t(moy)
LEFT JOIN m ON m.guarantee = g.guarantee AND m.moy = t.moy
LEFT JOIN level l ON l.guarantee = g.guarantee`;
}
