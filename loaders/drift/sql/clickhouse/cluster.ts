/**
 * Drift's statements for a ClickHouse cluster (18.16 dialect): they run on the Distributed tables, so every
 * GROUP BY executes on the shards and only aggregates come back. They compute, without materialising the
 * per-insured exposure, the aggregates that the DuckDB path's row-level working tables feed on
 * (see ../duckdb/exposure.ts and ../duckdb/claim-facts.ts for the definitions, which these follow exactly):
 * - an exposure cube: insured-years per month x contract x sex x job category x age bands;
 * - distinct insured and insured-years per period and segment of every dimension (distinct counts do not add
 *   up across cube rows, so the cluster counts them);
 * - a claims cube: claim count and cost per month x contract x sex x job category x age bands x guarantee.
 * Joins are co-located: insured and claims are sharded by contract, so each shard joins its own rows with its
 * own `_local` contracts and insured (a Distributed table on the right would be read whole by every shard).
 * 18.16 allows one JOIN per SELECT, hence the nested right-hand sides.
 */
import type {Grain} from "../../../../src/lib/periods.ts";
import {clickhouseLiteral as literal, identifier} from "../../../engine/sql.ts";
import type {DateWindow} from "../duckdb/exposure.ts";

/**
 * Age in whole years on the Date `at` of someone born on `birth`, a "YYYY-MM-DD" text column (ClickHouse 18.16's
 * Date starts in 1970, so ingest keeps birth dates as text). A Feb 29 birthday counts from Mar 1.
 */
export function ageSql(birth: string, at: string): string {
  const year = `toInt32(substring(${birth}, 1, 4))`;
  const monthDay = `(toInt32(substring(${birth}, 6, 2)) * 100 + toInt32(substring(${birth}, 9, 2)))`;
  return `(toInt32(toYear(${at})) - ${year} - if(toMonth(${at}) * 100 + toDayOfMonth(${at}) < ${monthDay}, 1, 0))`;
}

/** "30-39" for ages 30 to 39. */
export function ageBandSql(age: string): string {
  return `concat(toString(intDiv(${age}, 10) * 10), '-', toString(intDiv(${age}, 10) * 10 + 9))`;
}

/** The bands of a month, its quarter and its year (`ms`, `qs`, `ys` are aliases defined by the caller). */
function bandColumns(birth: string): string {
  return `${ageBandSql(ageSql(birth, "ms"))} AS band_month,
       ${ageBandSql(ageSql(birth, "qs"))} AS band_quarter,
       ${ageBandSql(ageSql(birth, "ys"))} AS band_year`;
}

/** Period starts as strings, defining `ms` (from `month`), `qs` and `ys`. */
function periodColumns(month: string): string {
  return `toString(${month} AS ms) AS month_start, toString(toStartOfQuarter(ms) AS qs) AS quarter_start,
       toString(toStartOfYear(ms) AS ys) AS year_start`;
}

/** The earliest claim month and the end of the latest claim month ("YYYY-MM-DD", null without claims). */
export function windowBoundsSql(): string {
  return `SELECT if(count() = 0, NULL, toString(toStartOfMonth(min(event_date)))) AS first,
       if(count() = 0, NULL, toString(addDays(addMonths(toStartOfMonth(max(event_date)), 1), -1))) AS last
FROM claims`;
}

/**
 * Each insured's cover as integer months (year x 12 + month - 1, as ../duckdb/exposure.ts): `cover_from`,
 * `cover_until` (Dates, end exclusive), `fm` and `lm` (first and last month).
 * Helper aliases are defined inside the expressions that use them (ClickHouse aliases are query-wide), so the
 * whole query, GROUP BY included, stays one SELECT level on the Distributed table and runs on the shards.
 */
function coverMonths(window: DateWindow): {from: string; until: string; fm: string; lm: string} {
  const from = `toDate(${literal(window.from)})`;
  const until = `addDays(toDate(${literal(window.to)}), 1)`;
  const coverFrom = `greatest(greatest(coverage_start, start_date), ${from})`;
  const coverUntil = `least(least(coalesce(coverage_end + 1, ${until}), coalesce(end_date + 1, ${until})), ${until})`;
  return {
    from: `(${coverFrom} AS cover_from)`,
    until: `(${coverUntil} AS cover_until)`,
    fm: `(${monthIndex("cover_from")} AS fm)`,
    lm: `(${monthIndex("cover_until - 1")} AS lm)`
  };
}

const monthIndex = (day: string) => `(toInt32(toYear(${day})) * 12 + toInt32(toMonth(${day})) - 1)`;
/** The Date of month index `i`. */
const monthDate = (i: string) => `addMonths(toDate('1970-01-01'), toInt32(${i}) - 23640)`;
const monthDays = (i: string) => `toInt32(dateDiff('day', ${monthDate(i)}, ${monthDate(`${i} + 1`)}))`;

/** The birth date's year, month x 100 + day, and the month (minus the year) a birthday's month start falls in. */
const birthYear = "toInt32(substring(birth_date, 1, 4))";
const birthMonthDay = "(toInt32(substring(birth_date, 6, 2)) * 100 + toInt32(substring(birth_date, 9, 2)))";
const birthdayMonth = "(toInt32(substring(birth_date, 6, 2)) - 1 + if(toInt32(substring(birth_date, 9, 2)) > 1, 1, 0))";

/** Age on the first day of month `i` (ageSql's rule on integer months). */
const ageAtMonth = (i: string) =>
  `(intDiv(${i}, 12) - ${birthYear} - if((${i} % 12 + 1) * 100 + 1 < ${birthMonthDay}, 1, 0))`;

/**
 * The months following each decade birthday near the cover, as the DuckDB path cuts: the month start on or after
 * the birthday, and the quarter and year starts on or after it (`round` = 1, 3, 12).
 */
function birthdayCuts(round: number): string {
  const lo = `greatest(intDiv(${ageAtMonth("fm - 13")}, 10) + 1, 0)`;
  const hi = `greatest(intDiv(${ageAtMonth("lm")}, 10) + 1, 0)`;
  const decades = `arrayMap(k -> toInt32(${lo} + k), range(toUInt32(greatest(${hi} - ${lo}, 0))))`;
  return `arrayMap(d -> toInt32(intDiv((${birthYear} + 10 * d) * 12 + ${birthdayMonth} + ${round - 1}, ${round}) * ${round}), ${decades})`;
}

const bandAt = (i: string) => `toInt32(intDiv(${ageAtMonth(i)}, 10))`;

/**
 * The exposure cube's difference steps, as ../duckdb/exposure.ts builds them from its cover pieces: per contract,
 * sex, job category, age bands (keys, age // 10) and month, the insured starting (+1) or ending (-1) a piece and
 * the days covers miss in their first and last month. Each insured's pieces are an array on its own row; the
 * groups are keyed by contract, the sharding key, so each shard's are final. What crosses grows with the cube.
 */
export function exposureStepsSql(db: string, window: DateWindow): string {
  const c = coverMonths(window);
  const cuts = `arraySort(arrayDistinct(arrayConcat([${c.fm}], arrayFilter(m -> m > fm AND m <= lm,
         arrayConcat(${birthdayCuts(1)}, ${birthdayCuts(3)}, ${birthdayCuts(12)}))))) AS p_cuts`;
  const untils = `arrayPushBack(arraySlice(p_cuts, 2), lm + 1) AS p_untils`;
  const step = (month: string, n: string, missing: string, pieceFrom: string) =>
    `(toInt32(${month}), toInt32(${n}), toInt32(${missing}), toInt32(${pieceFrom}))`;
  const missFirst = `toInt32(dateDiff('day', ${c.from}, least(${c.until}, ${monthDate("fm + 1")}))) - ${monthDays("fm")}`;
  const missLast = `toInt32(dateDiff('day', ${monthDate("lm")}, cover_until)) - ${monthDays("lm")}`;
  const steps = `arrayConcat(
         arrayMap(f -> ${step("f", "1", "0", "f")}, ${cuts}),
         arrayMap((f, u) -> ${step("u", "-1", "0", "f")}, p_cuts, ${untils}),
         [${step("fm", "0", missFirst, "fm")}],
         arrayFilter(t -> lm > fm, [${step(c.lm, "0", missLast, "p_cuts[length(p_cuts)]")}]))`;
  return `SELECT contract_id, sex, job_category, ${bandAt("(tupleElement(p_step, 4) AS p_from)")} AS band_month,
       ${bandAt("intDiv(p_from, 3) * 3")} AS band_quarter, ${bandAt("intDiv(p_from, 12) * 12")} AS band_year,
       tupleElement(arrayJoin(${steps}) AS p_step, 1) AS month,
       sum(tupleElement(p_step, 2)) AS step, sum(tupleElement(p_step, 3)) AS missing
${exposureFrom(db)}
WHERE cover_from < cover_until
GROUP BY contract_id, sex, job_category, band_month, band_quarter, band_year, month`;
}

/**
 * Insured counted alike for the distinct counts (../duckdb/insured-counts.ts, CoverCounts.covers): per contract,
 * job category and cover months (`fm`, `lm`), keyed by contract, so each shard's groups are final.
 */
export function coversSql(db: string, window: DateWindow): string {
  const c = coverMonths(window);
  return `SELECT contract_id, job_category, ${c.fm}, ${c.lm}, count() AS n
${exposureFrom(db)}
WHERE ${c.from} < ${c.until}
GROUP BY contract_id, job_category, fm, lm`;
}

const monthsPer: Record<Grain, number> = {month: 1, quarter: 3, year: 12};

/**
 * Each insured's periods of `grain` in one age band (CoverCounts.bandCovers), counted by band and range: the
 * cover's periods cut at the period starts following its decade birthdays, each range's band being the age on its
 * first day. Ranges are months [first_month, last_month] spanning whole periods.
 */
export function bandCoversSql(db: string, window: DateWindow, grain: Grain): string {
  const c = coverMonths(window);
  const p = monthsPer[grain];
  const first = `intDiv(${c.fm}, ${p}) * ${p}`;
  const last = `intDiv(${c.lm}, ${p}) * ${p}`;
  const froms = `arrayConcat([toInt32(${first} AS p_first)], arrayFilter(x -> x > p_first AND x <= (${last} AS p_last), ${birthdayCuts(p)})) AS p_froms`;
  const ranges = `arrayMap((f, u) -> (f, u), ${froms}, arrayPushBack(arraySlice(p_froms, 2), toInt32(p_last + ${p})))`;
  return `SELECT ${bandAt("first_month")} AS band, tupleElement(arrayJoin(${ranges}) AS p_range, 1) AS first_month,
       tupleElement(p_range, 2) - 1 AS last_month, count() AS n
${exposureFrom(db)}
WHERE ${c.from} < ${c.until}
GROUP BY band, first_month, last_month`;
}

function exposureFrom(db: string): string {
  return `FROM insured
ALL INNER JOIN (SELECT contract_id, sector_naf, region, start_date, end_date FROM ${identifier(db)}.contracts_local) USING contract_id`;
}

const CUBE_KEYS =
  "month_start, quarter_start, year_start, band_month, band_quarter, band_year, contract_id, sector_naf, region, sex, job_category";

/** The claims of the window joined to their insured and contract (18.16: one JOIN per SELECT, so nested). */
function claimsFrom(db: string, window: DateWindow): string {
  const d = identifier(db);
  return `FROM claims
ALL INNER JOIN (
  SELECT insured_id, birth_date, sex, job_category, sector_naf, region
  FROM ${d}.insured_local ALL INNER JOIN (SELECT contract_id, sector_naf, region FROM ${d}.contracts_local) USING contract_id
) USING insured_id
WHERE event_date BETWEEN toDate(${literal(window.from)}) AND toDate(${literal(window.to)})`;
}

const CLAIM_COST = "coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)";

/** Claim count and cost (paid + reserve) per month, contract, sex, job category, age bands and guarantee. */
export function claimCubeSql(db: string, window: DateWindow): string {
  return `SELECT ${periodColumns("toStartOfMonth(event_date)")}, ${bandColumns("birth_date")},
       contract_id, sector_naf, region, sex, job_category, guarantee, count() AS claims, sum(${CLAIM_COST}) AS cost_eur
${claimsFrom(db, window)}
GROUP BY ${CUBE_KEYS}, guarantee`;
}

/**
 * One row per claim of the window for the page's in-browser drill-down (the page's contract is per claim,
 * pseudonymised ids only), aggregated locally into the drill-down cubes (loaders/drift/drill.ts), never published.
 */
export function pageClaimRowsSql(db: string, window: DateWindow): string {
  return `SELECT claim_id, insured_id, contract_id, sector_naf, region, guarantee,
       substring(toString(toStartOfMonth(event_date) AS ms), 1, 7) AS month, sex, job_category,
       ${ageBandSql(ageSql("birth_date", "ms"))} AS age_band, coalesce(days_paid, 0) AS days_paid, ${CLAIM_COST} AS cost_eur, status
${claimsFrom(db, window)}
ORDER BY ms, claim_id`;
}

/** Small look-ups the local pipeline needs: every guarantee, every sex x job category, contracts, premiums. */
export function guaranteesSql(): string {
  return "SELECT DISTINCT guarantee FROM claims";
}
export function groupsSql(): string {
  return "SELECT DISTINCT sex, job_category FROM insured";
}
export function contractsSql(): string {
  return "SELECT contract_id, sector_naf, region FROM contracts";
}
/** Earned premium per contract and year (contract level, no individual). */
export function premiumsSql(): string {
  return "SELECT contract_id, year, sum(earned_premium_eur) AS earned_premium_eur FROM premiums GROUP BY contract_id, year";
}
