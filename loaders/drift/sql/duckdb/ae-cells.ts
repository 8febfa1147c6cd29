/**
 * Actual and expected claim counts per segment, guarantee and period (DuckDB dialect).
 *
 * expected = sum over the segment's insured and months of
 *   exposure (insured-years) x reference annual rate of their sex, job category and age band (age on the
 *   first day of the period) x the seasonal factor of the calendar month x the segment's baseline factor.
 * The baseline factor is 1 for the `portfolio` baseline. For the `segment` baseline it is the segment's own
 * credibility-weighted A/E over the reference window, (A_ref + c) / (E_ref + c) with c = 10 claims: the
 * A/E then measures change since the reference window (drift), not the segment's permanent level (a
 * hospital contract runs above a software one every year). A segment without reference exposure gets 1.
 * `expected_portfolio` is the same count before the baseline factor, so a page can switch baselines.
 * actual = claims whose event_date falls in the period. `insured` counts distinct insured exposed in the cell.
 */
import type {Grain} from "../../../../src/lib/periods.ts";
import {literal} from "../../../engine/sql.ts";
import {segmentColumn, type Dimension} from "../../dimensions.ts";
import {CLAIM_ROWS} from "./reference-rates.ts";

export type Baseline = "segment" | "portfolio";
export const baselines: readonly Baseline[] = ["segment", "portfolio"];
export const SEGMENT_CREDIBILITY = 10;

export interface AeCellsTables {
  exposure: string;
  facts: string;
  rates: string;
  season: string;
  referenceExposure: string;
  referenceFacts: string;
}

/**
 * Expected counts at the reference rates and seasons per period, segment and guarantee. Each cube row meets its
 * rates and seasonal factors as one row holding every guarantee's (rates and seasons pivoted by guarantee), so the
 * cube is summed once into period x segment groups with one column per guarantee, then turned into one row per
 * guarantee: at ten million claims, joining each cube row to each guarantee's rate first would multiply the 66M
 * rows and sum them into 15M groups, more than the memory limit holds.
 */
function expectedSql(
  exposure: string,
  t: AeCellsTables,
  band: string,
  segment: string,
  period: string | null,
  guarantees: readonly string[]
): string {
  if (!guarantees.length)
    return `SELECT ${period ? "NULL::DATE AS period_start, " : ""}NULL::VARCHAR AS segment, NULL::VARCHAR AS guarantee,
       NULL::DOUBLE AS expected WHERE false`;
  const periodColumn = period ? `x.${period} AS period_start, ` : "";
  // The segment is a column of the cube (qualified: the rates have sex and job_category too) or a constant.
  const segmentOfRow = /^\w+$/.test(segment) ? `x.${segment}` : segment;
  const each = (make: (g: string, i: number) => string) => guarantees.map((g, i) => make(literal(g), i)).join(", ");
  return `SELECT * FROM (
  SELECT ${period ? "period_start, " : ""}segment, unnest([${each((g) => g)}]) AS guarantee,
         unnest([${each((_, i) => `e${i}`)}]) AS expected
  FROM (
    SELECT ${periodColumn}${segmentOfRow} AS segment, ${each((_, i) => `sum(x.years * r.r${i} * s.s${i}) AS e${i}`)}
    FROM ${exposure} x
    JOIN (SELECT sex, job_category, age_band, ${each((g, i) => `max(annual_rate) FILTER (WHERE guarantee = ${g}) AS r${i}`)}
          FROM ${t.rates} GROUP BY ALL) r
      ON r.sex = x.sex AND r.job_category = x.job_category AND r.age_band = x.${band}
    JOIN (SELECT moy, ${each((g, i) => `max(factor) FILTER (WHERE guarantee = ${g}) AS s${i}`)} FROM ${t.season} GROUP BY moy) s
      ON s.moy = month(x.month_start)
    GROUP BY ALL
  )
) WHERE expected IS NOT NULL`;
}

/**
 * How claims and distinct insured are counted: over row-level tables here; the ClickHouse path passes counts
 * over the cluster's cubes instead (../../local-sql.ts), with the rest of the statement unchanged.
 */
export interface AeCounting {
  claims: string;
  /** A query giving (period_start, segment, exposure_years, insured) for the grain and dimension. */
  insured(period: string, segment: string, dimension: Dimension, grain: Grain): string;
}

export const countAeRows = (t: AeCellsTables): AeCounting => ({
  claims: CLAIM_ROWS,
  insured: (
    period,
    segment
  ) => `SELECT ${period} AS period_start, ${segment} AS segment, sum(years) AS exposure_years, count(DISTINCT insured_id) AS insured
  FROM ${t.exposure} GROUP BY ALL`
});

/** How the statement may be split: expected counts read from a table made first, and the rows left unordered. */
export interface AeStaging {
  /** A table holding expectedCellsSql's rows for the same arguments. */
  expected?: string;
  /** Default true; false when the result is stored and every read orders it. */
  ordered?: boolean;
}

function parts(
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline,
  t: AeCellsTables,
  counting: AeCounting
) {
  const byGuarantee = dimension === "guarantee";
  const band = `band_${grain}`;
  // For the guarantee dimension exposure is shared by all guarantees: group it under one placeholder segment.
  const segment = byGuarantee ? "'*'" : dimension === "age_band" ? band : segmentColumn[dimension];
  const refSegment = byGuarantee ? "'*'" : dimension === "age_band" ? "band_month" : segmentColumn[dimension];
  const period = `${grain}_start`;
  const inList = guarantees.map((g) => literal(g)).join(", ");
  const factor =
    baseline === "portfolio"
      ? `factor AS (SELECT NULL::VARCHAR AS segment, NULL::VARCHAR AS guarantee, 1.0 AS factor WHERE false)`
      : `ref_e AS (${expectedSql(t.referenceExposure, t, "band_month", refSegment, null, guarantees)}),
ref_a AS (SELECT ${refSegment} AS segment, guarantee, ${counting.claims} AS actual FROM ${t.referenceFacts}
          WHERE guarantee IN (${inList}) GROUP BY ALL),
factor AS (SELECT e.segment, e.guarantee,
                  (coalesce(a.actual, 0) + ${SEGMENT_CREDIBILITY}) / (e.expected + ${SEGMENT_CREDIBILITY}) AS factor
           FROM ref_e e LEFT JOIN ref_a a ON a.segment = e.segment AND a.guarantee = e.guarantee)`;
  const expected = `SELECT e.period_start, e.segment, e.guarantee, e.expected * coalesce(f.factor, 1) AS expected,
         e.expected AS expected_portfolio
  FROM (${expectedSql(t.exposure, t, band, segment, period, guarantees)}) e
  LEFT JOIN factor f ON f.segment = e.segment AND f.guarantee = e.guarantee`;
  return {byGuarantee, segment, period, inList, factor, expected};
}

/**
 * The expected counts of aeCellsSql (period_start, segment, guarantee, expected, expected_portfolio), alone: at ten
 * million claims the contract x month statement needs more memory in one piece than made first into a table.
 */
export function expectedCellsSql(
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline,
  t: AeCellsTables,
  counting: AeCounting = countAeRows(t)
): string {
  const p = parts(dimension, grain, guarantees, baseline, t, counting);
  return `WITH ${p.factor}
${p.expected}`;
}

export function aeCellsSql(
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline,
  t: AeCellsTables,
  counting: AeCounting = countAeRows(t),
  staging: AeStaging = {}
): string {
  const {byGuarantee, segment, period, inList, factor, expected} = parts(
    dimension,
    grain,
    guarantees,
    baseline,
    t,
    counting
  );
  const expd = staging.expected
    ? `expd AS (SELECT * FROM ${staging.expected})`
    : `${factor},\nexpd AS (\n  ${expected}\n)`;
  return `WITH ins AS (
  ${counting.insured(period, segment, dimension, grain)}
),
${expd},
act AS (
  SELECT ${period} AS period_start, ${segment} AS segment, guarantee, ${counting.claims} AS actual, sum(cost_eur) AS cost_eur
  FROM ${t.facts} WHERE guarantee IN (${inList}) GROUP BY ALL
),
cells AS (
  SELECT coalesce(e.period_start, a.period_start) AS period_start, coalesce(e.segment, a.segment) AS segment,
         coalesce(e.guarantee, a.guarantee) AS guarantee, coalesce(e.expected, 0) AS expected,
         coalesce(e.expected_portfolio, 0) AS expected_portfolio,
         coalesce(a.actual, 0) AS actual, coalesce(a.cost_eur, 0) AS cost_eur
  FROM expd e FULL JOIN act a ON a.period_start = e.period_start AND a.segment = e.segment AND a.guarantee = e.guarantee
)
SELECT strftime(c.period_start, '%Y-%m-%d') AS period_start,
       ${byGuarantee ? "c.guarantee" : "c.segment"} AS segment, c.guarantee,
       coalesce(i.exposure_years, 0) AS exposure_years, coalesce(i.insured, 0) AS insured,
       c.actual, c.expected, c.expected_portfolio, c.cost_eur
FROM cells c LEFT JOIN ins i ON i.period_start = c.period_start AND i.segment = c.segment${
    staging.ordered === false ? "" : "\nORDER BY segment, c.guarantee, c.period_start"
  }`;
}
