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
 * An insured's months in the window: arrayJoin over the months its cover [cover_from, cover_until) overlaps.
 * Helper aliases are defined inside the expressions that use them (ClickHouse aliases are query-wide), so the
 * whole query, GROUP BY included, stays one SELECT level on the Distributed table and runs on the shards.
 */
function monthOfCover(window: DateWindow): string {
  const from = `toDate(${literal(window.from)})`;
  const until = `addDays(toDate(${literal(window.to)}), 1)`;
  const coverFrom = `greatest(greatest(coverage_start, start_date), ${from}) AS cover_from`;
  const coverUntil = `least(least(coalesce(coverage_end + 1, ${until}), coalesce(end_date + 1, ${until})), ${until}) AS cover_until`;
  return `arrayJoin(arrayMap(k -> addMonths(toStartOfMonth(${coverFrom}), k),
         range(toUInt32(if(cover_from < (${coverUntil}), toRelativeMonthNum(cover_until - 1) - toRelativeMonthNum(cover_from) + 1, 0)))))`;
}

/** Overlap of the cover with month `ms`, in insured-years. */
const YEARS = "dateDiff('day', greatest(cover_from, ms), least(cover_until, addMonths(ms, 1))) / 365.25";

function exposureFrom(db: string): string {
  return `FROM insured
ALL INNER JOIN (SELECT contract_id, sector_naf, region, start_date, end_date FROM ${identifier(db)}.contracts_local) USING contract_id`;
}

const CUBE_KEYS =
  "month_start, quarter_start, year_start, band_month, band_quarter, band_year, contract_id, sector_naf, region, sex, job_category";

/** Insured-years per month, contract (with its sector and region), sex, job category and age bands. */
export function exposureCubeSql(db: string, window: DateWindow): string {
  return `SELECT ${periodColumns(monthOfCover(window))}, ${bandColumns("birth_date")},
       contract_id, sector_naf, region, sex, job_category, sum(${YEARS}) AS years
${exposureFrom(db)}
GROUP BY ${CUBE_KEYS}`;
}

/**
 * Distinct insured and insured-years per period of `grain` and segment of every dimension (`guarantee`
 * under the placeholder segment '*', as exposure is shared by all guarantees; `age_band` by the band on the
 * period's first day).
 */
export function insuredCountsSql(db: string, window: DateWindow, grain: Grain): string {
  const month = `${monthOfCover(window)} AS ms`;
  const start = {month, quarter: `toStartOfQuarter(${month}) AS qs`, year: `toStartOfYear(${month}) AS ys`}[grain];
  const alias = {month: "ms", quarter: "qs", year: "ys"}[grain];
  return `SELECT ${literal(grain)} AS grain, toString(${start}) AS period_start,
       tupleElement(arrayJoin([('contract', contract_id), ('sector', sector_naf), ('region', region),
         ('age_band', ${ageBandSql(ageSql("birth_date", alias))}), ('job_category', job_category), ('guarantee', '*')]) AS ds, 1) AS dimension,
       tupleElement(ds, 2) AS segment, uniqExact(insured_id) AS insured, sum(${YEARS}) AS exposure_years
${exposureFrom(db)}
GROUP BY grain, period_start, dimension, segment`;
}

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
