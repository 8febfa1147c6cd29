/**
 * Exposure in insured-years as a cube (DuckDB dialect): insured-years per month x contract (with its sector and
 * region) x sex x job category x age bands, the shape the ClickHouse path builds on the shards
 * (../clickhouse/cluster.ts). Its cost grows with the insured once, never with insured x months:
 * - an insured is exposed from max(coverage_start, contract start, window start) to the earliest of the day
 *   after coverage_end, the day after the contract's end_date and the day after the window's end (an empty end
 *   date means still covered);
 * - that cover is cut into pieces at the months where one of its age bands changes (the band of a month, of its
 *   quarter and of its year is the age on that period's first day, so a band changes at the first month, quarter
 *   and year starting on or after a decade birthday);
 * - each piece adds +1 at its first month and -1 after its last, per cube key; a running sum over months gives
 *   the insured covering each month, counted as whole months (days in month / 365.25);
 * - the first and last month of a cover add their missing days as (negative) corrections.
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

/** The band labels of ages 0 to 129, looked up instead of formatted: millions of rows need one each. */
const BAND_LABELS = `[${Array.from({length: 13}, (_, i) => `'${i * 10}-${i * 10 + 9}'`).join(", ")}]`;

/** "30-39" for ages 30 to 39. */
export function ageBandSql(age: string): string {
  return `CASE WHEN ${age} BETWEEN 0 AND 129 THEN ${BAND_LABELS}[${age} // 10 + 1]
          ELSE printf('%d-%d', (${age} // 10) * 10, (${age} // 10) * 10 + 9) END`;
}

/** Age bands of a month, its quarter and its year: band_month, band_quarter, band_year. */
export function bandColumnsSql(monthStart: string, birth: string): string {
  const quarter = `CAST(date_trunc('quarter', ${monthStart}) AS DATE)`;
  const year = `CAST(date_trunc('year', ${monthStart}) AS DATE)`;
  return `${ageBandSql(ageSql(birth, monthStart))} AS band_month,
       ${ageBandSql(ageSql(birth, quarter))} AS band_quarter,
       ${ageBandSql(ageSql(birth, year))} AS band_year`;
}

/** Period starts and age bands of a month: month_start, quarter_start, year_start, band_month/quarter/year. */
export function periodColumnsSql(monthStart: string, birth: string): string {
  return `${monthStart} AS month_start, CAST(date_trunc('quarter', ${monthStart}) AS DATE) AS quarter_start,
       CAST(date_trunc('year', ${monthStart}) AS DATE) AS year_start,
       ${bandColumnsSql(monthStart, birth)}`;
}

export function monthsSql(window: DateWindow): string {
  return `SELECT CAST(p AS DATE) AS month_start, CAST(p + INTERVAL 1 MONTH AS DATE) AS month_end
    FROM range(CAST(date_trunc('month', DATE ${literal(window.from)}) AS TIMESTAMP),
               CAST(DATE ${literal(window.to)} + 1 AS TIMESTAMP), INTERVAL 1 MONTH) AS t(p)`;
}

/** The day someone born on `birth` turns `age` by ageSql's rule (a Feb 29 birthday counts from Mar 1). */
function birthdaySql(birth: string, age: string): string {
  const day = `CAST(${birth} + to_years(CAST(${age} AS INTEGER)) AS DATE)`;
  return `CASE WHEN day(${day}) <> day(${birth}) THEN ${day} + 1 ELSE ${day} END`;
}

/** First month, quarter or year start (`unit`) on or after `day`. */
function startOnOrAfter(unit: string, day: string): string {
  return `CAST(CASE WHEN date_trunc('${unit}', ${day}) = ${day} THEN ${day} ELSE date_trunc('${unit}', ${day}) + INTERVAL 1 ${unit} END AS DATE)`;
}

/**
 * Each insured's cover in the window cut into pieces of whole months over which its three age bands hold:
 * insured_id, the segment attributes, birth_date, cover_from/cover_until (days, end exclusive), first_month and
 * last_month of the cover, and the piece's months [piece_from, piece_until) with its bands. The cuts of one insured
 * are a short list computed on its own row (list functions, no join, sort or window across insured): the first
 * month of the cover, then the month, quarter and year starts following each decade birthday near the cover that
 * fall inside it.
 */
export function coverPiecesSql(window: DateWindow): string {
  const from = `DATE ${literal(window.from)}`;
  const until = `(DATE ${literal(window.to)} + 1)`;
  const birthday = birthdaySql("birth_date", "d * 10");
  // A decade birthday can cut the cover only if it falls after (first month - 13 months), since its year start
  // follows it within a year, and no later than the last month: most insured have none, a few one.
  const decades = `range(greatest(${ageSql("birth_date", "(first_month - INTERVAL 13 MONTH)")} // 10 + 1, 0),
                         greatest(${ageSql("birth_date", "last_month")} // 10 + 1, 0))`;
  return `WITH cover AS (
  SELECT i.insured_id, i.contract_id, c.sector_naf, c.region, i.sex, i.job_category, i.birth_date,
         greatest(i.coverage_start, c.start_date, ${from}) AS cover_from,
         least(coalesce(i.coverage_end + 1, ${until}), coalesce(c.end_date + 1, ${until}), ${until}) AS cover_until
  FROM insured i JOIN contracts c ON c.contract_id = i.contract_id
),
covered AS (
  SELECT *, CAST(date_trunc('month', cover_from) AS DATE) AS first_month,
         CAST(date_trunc('month', cover_until - 1) AS DATE) AS last_month
  FROM cover WHERE cover_from < cover_until
),
-- Months where a band may change: the month, quarter and year starts following each decade birthday near the cover.
cut AS (
  SELECT *, list_sort(list_distinct(list_prepend(first_month, list_filter(
           flatten(list_transform(${decades}, d -> [${startOnOrAfter("month", birthday)}, ${startOnOrAfter("quarter", birthday)},
                                                   ${startOnOrAfter("year", birthday)}])),
           m -> m > first_month AND m <= last_month)))) AS cuts
  FROM covered
),
pieces AS (
  SELECT * EXCLUDE (cuts), unnest(cuts) AS piece_from,
         unnest(list_append(cuts[2:], CAST(last_month + INTERVAL 1 MONTH AS DATE))) AS piece_until
  FROM cut
)
SELECT *, ${bandColumnsSql("piece_from", "birth_date")} FROM pieces`;
}

/** Materialises the window's cover pieces as `table`, read by the exposure cube and the distinct-insured counts. */
export function createPiecesSql(table: string, window: DateWindow): string {
  return `CREATE OR REPLACE TABLE ${table} AS ${coverPiecesSql(window)}`;
}

/**
 * The cover pieces of a window inside the one `pieces` were cut for, by clipping them: an age band holds over a
 * whole piece, and the cuts inside the smaller window are the larger one's, so this equals cutting afresh (the
 * exposure cube test checks both ways) at a fraction of the cost.
 */
export function clipPiecesSql(table: string, pieces: string, window: DateWindow): string {
  const from = `DATE ${literal(window.from)}`;
  const until = `(DATE ${literal(window.to)} + 1)`;
  return `CREATE OR REPLACE TABLE ${table} AS
SELECT * REPLACE (greatest(piece_from, first_month) AS piece_from,
                  least(piece_until, CAST(last_month + INTERVAL 1 MONTH AS DATE)) AS piece_until)
FROM (
  SELECT * REPLACE (cover_from AS cover_from, cover_until AS cover_until,
                    CAST(date_trunc('month', cover_from) AS DATE) AS first_month,
                    CAST(date_trunc('month', cover_until - 1) AS DATE) AS last_month)
  FROM (SELECT * REPLACE (greatest(cover_from, ${from}) AS cover_from, least(cover_until, ${until}) AS cover_until)
        FROM ${pieces})
  WHERE cover_from < cover_until
)
WHERE greatest(piece_from, first_month) < least(piece_until, CAST(last_month + INTERVAL 1 MONTH AS DATE))`;
}

/** The cube's keys while it is summed; sector and region follow from the contract and are joined at the end. */
const KEYS = "contract_id, sex, job_category, band_month, band_quarter, band_year";

/**
 * The statements that build the exposure cube `table` from the cover pieces already in `pieces`
 * (createPiecesSql). They run one after another, each materialised: one statement holding the sums, the window
 * and the expansion at once needs several times the memory of the largest step.
 */
export function createExposureSql(table: string, pieces: string): string[] {
  const days = (m: string) => `date_diff('day', ${m}, CAST(${m} + INTERVAL 1 MONTH AS DATE))`;
  const steps = `${table}_steps`;
  const runs = `${table}_runs`;
  return [
    `CREATE OR REPLACE TABLE ${steps} AS
SELECT ${KEYS}, month_start, sum(step) AS step FROM (
  SELECT ${KEYS}, piece_from AS month_start, 1 AS step FROM ${pieces}
  UNION ALL SELECT ${KEYS}, piece_until AS month_start, -1 AS step FROM ${pieces}
) GROUP BY ALL`,
    `CREATE OR REPLACE TABLE ${runs} AS
SELECT ${KEYS}, month_start AS run_from,
       lead(month_start) OVER (PARTITION BY ${KEYS} ORDER BY month_start) AS run_until,
       sum(step) OVER (PARTITION BY ${KEYS} ORDER BY month_start) AS insured
FROM ${steps}`,
    `DROP TABLE ${steps}`,
    `CREATE OR REPLACE TABLE ${table} AS
-- Each run of months with a constant count, one row per month (the cube's own rows, nothing per insured).
WITH whole AS (
  SELECT ${KEYS}, month_start, insured * ${days("month_start")} AS days
  FROM (SELECT ${KEYS}, CAST(unnest(generate_series(run_from, run_until - INTERVAL 1 MONTH, INTERVAL 1 MONTH)) AS DATE) AS month_start,
               insured
        FROM ${runs} WHERE insured <> 0 AND run_until IS NOT NULL)
),
-- The days a cover misses in its first and last month (one correction when both are the same month).
partial AS (
  SELECT ${KEYS}, first_month AS month_start,
         date_diff('day', cover_from, least(cover_until, CAST(first_month + INTERVAL 1 MONTH AS DATE))) - ${days("first_month")} AS days
  FROM ${pieces} WHERE piece_from = first_month
  UNION ALL
  SELECT ${KEYS}, last_month AS month_start, date_diff('day', last_month, cover_until) - ${days("last_month")} AS days
  FROM ${pieces} WHERE piece_until = CAST(last_month + INTERVAL 1 MONTH AS DATE) AND last_month > first_month
)
SELECT x.month_start, CAST(date_trunc('quarter', x.month_start) AS DATE) AS quarter_start,
       CAST(date_trunc('year', x.month_start) AS DATE) AS year_start, x.band_month, x.band_quarter, x.band_year,
       x.contract_id, c.sector_naf, c.region, x.sex, x.job_category, x.days / 365.25 AS years
FROM (SELECT ${KEYS}, month_start, sum(days) AS days FROM (SELECT * FROM whole UNION ALL SELECT * FROM partial)
      GROUP BY ALL HAVING sum(days) <> 0) x
JOIN contracts c ON c.contract_id = x.contract_id`,
    `DROP TABLE ${runs}`
  ];
}
