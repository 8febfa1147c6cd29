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

/**
 * Months as integers (year x 12 + month - 1) while the cube is built: the cuts, pieces, difference steps and runs
 * are integer arithmetic, and dates come back only on the cube's own rows.
 */
export const monthIndexSql = (day: string) => `(year(${day}) * 12 + month(${day}) - 1)`;
export const monthDateSql = (index: string) =>
  `make_date(CAST((${index}) // 12 AS BIGINT), CAST((${index}) % 12 + 1 AS BIGINT), 1)`;
/** Days in month `index`. */
const monthDaysSql = (index: string) => `date_diff('day', ${monthDateSql(index)}, ${monthDateSql(`${index} + 1`)})`;

/** Age on the first day of month `index` of someone born in birth_year on birth_md (month x 100 + day) (as ageSql). */
const ageAtMonthSql = (index: string) =>
  `((${index}) // 12 - birth_year - CASE WHEN ((${index}) % 12 + 1) * 100 + 1 < birth_md THEN 1 ELSE 0 END)`;

/** The band's key, age // 10, and its label ("30-39"), as ageBandSql gives for that age. */
const bandKeySql = (age: string) => `CAST(${age} // 10 AS SMALLINT)`;
export function bandLabelSql(key: string): string {
  return `CASE WHEN ${key} BETWEEN 0 AND 12 THEN ${BAND_LABELS}[${key} + 1] ELSE printf('%d-%d', ${key} * 10, ${key} * 10 + 9) END`;
}

/**
 * Each insured's cover in the window cut into pieces of whole months over which its three age bands hold:
 * insured_id, contract_id, sex, job_category, cover_from/cover_until (days, end exclusive), first_month and
 * last_month of the cover, and the piece's months [piece_from, piece_until) with its band keys (band_month,
 * band_quarter, band_year: age // 10 on the first day of the month, quarter and year; bandLabelSql names them);
 * months are integers (monthIndexSql). The cuts of one insured are a short list computed on its own row (list
 * functions, no join, sort or window across insured): the first month of the cover, then the month, quarter and
 * year starts following each decade birthday near the cover that fall inside it.
 */
export function coverPiecesSql(window: DateWindow): string {
  const from = `DATE ${literal(window.from)}`;
  const until = `(DATE ${literal(window.to)} + 1)`;
  // A decade birthday can cut the cover only if it falls after (first month - 13 months), since its year start
  // follows it within a year, and no later than the last month: most insured have none, a few one.
  const decades = `range(greatest(${ageAtMonthSql("first_month - 13")} // 10 + 1, 0), greatest(${ageAtMonthSql("last_month")} // 10 + 1, 0))`;
  // The first month starting on or after the birthday of age 10d: its own month when it falls on the 1st, else
  // the next (a Feb 29 birthday, Mar 1 in other years, gives March either way); the quarter and year starts on or
  // after it follow by rounding up.
  const birthdayMonth = `(birth_year + 10 * d) * 12 + birthday_month`;
  return `WITH cover AS (
  SELECT i.insured_id, i.contract_id, i.sex, i.job_category,
         year(i.birth_date) AS birth_year, month(i.birth_date) * 100 + day(i.birth_date) AS birth_md,
         month(i.birth_date) - 1 + CASE WHEN day(i.birth_date) > 1 THEN 1 ELSE 0 END AS birthday_month,
         greatest(i.coverage_start, c.start_date, ${from}) AS cover_from,
         least(coalesce(i.coverage_end + 1, ${until}), coalesce(c.end_date + 1, ${until}), ${until}) AS cover_until
  FROM insured i JOIN contracts c ON c.contract_id = i.contract_id
),
covered AS (
  SELECT *, ${monthIndexSql("cover_from")} AS first_month, ${monthIndexSql("cover_until - 1")} AS last_month
  FROM cover WHERE cover_from < cover_until
),
-- Months where a band may change: the month, quarter and year starts following each decade birthday near the cover.
cut AS (
  SELECT *, list_sort(list_distinct(list_prepend(first_month, list_filter(
           flatten(list_transform(list_transform(${decades}, d -> ${birthdayMonth}),
                                  m -> [m, (m + 2) // 3 * 3, (m + 11) // 12 * 12])),
           m -> m > first_month AND m <= last_month)))) AS cuts
  FROM covered
),
pieces AS (
  SELECT * EXCLUDE (cuts), unnest(cuts) AS piece_from, unnest(list_append(cuts[2:], last_month + 1)) AS piece_until
  FROM cut
)
SELECT insured_id, contract_id, sex, job_category, cover_from, cover_until, first_month, last_month, piece_from,
       piece_until, ${bandKeySql(ageAtMonthSql("piece_from"))} AS band_month,
       ${bandKeySql(ageAtMonthSql("piece_from // 3 * 3"))} AS band_quarter,
       ${bandKeySql(ageAtMonthSql("piece_from // 12 * 12"))} AS band_year
FROM pieces`;
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
SELECT * REPLACE (greatest(piece_from, first_month) AS piece_from, least(piece_until, last_month + 1) AS piece_until)
FROM (
  SELECT * REPLACE (${monthIndexSql("cover_from")} AS first_month, ${monthIndexSql("cover_until - 1")} AS last_month)
  FROM (SELECT * REPLACE (greatest(cover_from, ${from}) AS cover_from, least(cover_until, ${until}) AS cover_until)
        FROM ${pieces})
  WHERE cover_from < cover_until
)
WHERE greatest(piece_from, first_month) < least(piece_until, last_month + 1)`;
}

/** The cube's keys while it is summed; sector and region follow from the contract and are joined at the end. */
const KEYS = "contract_id, sex, job_category, band_month, band_quarter, band_year";

/**
 * The statements that build the exposure cube `table` from the cover pieces already in `pieces`
 * (createPiecesSql). They run one after another, each materialised: one statement holding the sums, the window
 * and the expansion at once needs several times the memory of the largest step.
 * - steps: per cube key and month, the insured starting (+1) or ending (-1) a piece there, and the days the covers
 *   miss in that month when it is their first or last (a zero step at a cover's last month carries them);
 * - runs: a running sum over months gives the insured covering each run of months with a constant count;
 * - the cube: each run expanded to its months, days = insured x days in the month, minus the missed days on the
 *   run's first month. A (key, month) pair is one run's month only, so nothing is summed again.
 */
export function createExposureSql(table: string, pieces: string): string[] {
  const steps = `${table}_steps`;
  return [`CREATE OR REPLACE TABLE ${steps} AS ${stepsSql(pieces)}`, ...exposureFromStepsSql(table, steps)];
}

/** The steps of the cube from the cover pieces: KEYS, month, step, missing (see createExposureSql). */
function stepsSql(pieces: string): string {
  return `SELECT ${KEYS}, month, CAST(sum(step) AS INTEGER) AS step, CAST(sum(missing) AS BIGINT) AS missing FROM (
  SELECT ${KEYS}, piece_from AS month, 1 AS step, 0 AS missing FROM ${pieces}
  UNION ALL SELECT ${KEYS}, piece_until, -1, 0 FROM ${pieces}
  UNION ALL
  SELECT ${KEYS}, first_month, 0,
         date_diff('day', cover_from, least(cover_until, ${monthDateSql("first_month + 1")})) - ${monthDaysSql("first_month")}
  FROM ${pieces} WHERE piece_from = first_month
  UNION ALL
  SELECT ${KEYS}, last_month, 0, date_diff('day', ${monthDateSql("last_month")}, cover_until) - ${monthDaysSql("last_month")}
  FROM ${pieces} WHERE piece_until = last_month + 1 AND last_month > first_month
) GROUP BY ALL`;
}

/**
 * The cube `table` from its steps (a table with KEYS, month, step, missing: built here from the cover pieces, or
 * returned by a cluster's shards, sql/clickhouse/cluster.ts); drops `steps`.
 */
export function exposureFromStepsSql(table: string, steps: string): string[] {
  const runs = `${table}_runs`;
  const month = "x.month";
  return [
    `CREATE OR REPLACE TABLE ${runs} AS
SELECT ${KEYS}, month AS run_from, lead(month) OVER months AS run_until,
       CAST(sum(step) OVER months AS INTEGER) AS insured, missing
FROM ${steps}
WINDOW months AS (PARTITION BY ${KEYS} ORDER BY month)`,
    `DROP TABLE ${steps}`,
    `CREATE OR REPLACE TABLE ${table} AS
SELECT ${monthDateSql(month)} AS month_start, ${monthDateSql(`${month} // 3 * 3`)} AS quarter_start,
       ${monthDateSql(`${month} // 12 * 12`)} AS year_start, ${bandLabelSql("x.band_month")} AS band_month,
       ${bandLabelSql("x.band_quarter")} AS band_quarter, ${bandLabelSql("x.band_year")} AS band_year,
       x.contract_id, c.sector_naf, c.region, x.sex, x.job_category, x.days / 365.25 AS years
FROM (
  SELECT ${KEYS}, month, insured * ${monthDaysSql("month")} + CASE WHEN month = run_from THEN missing ELSE 0 END AS days
  FROM (SELECT *, unnest(range(run_from, run_until)) AS month FROM ${runs} WHERE insured <> 0 AND run_until IS NOT NULL)
) x
JOIN contracts c ON c.contract_id = x.contract_id
WHERE x.days <> 0`,
    `DROP TABLE ${runs}`
  ];
}
