/**
 * The rest of drift's pipeline on the ClickHouse path, in DuckDB SQL run locally over the small aggregates the
 * cluster returned (see cluster.ts): the twins of ../duckdb/ae-cells.ts, loss-ratio.ts and reference-rates.ts
 * where those read row-level tables. Differences, and only these: a claim count is `sum(claims)` over the
 * claims cube instead of `count(*)` over claim rows, and distinct insured come from the cluster's counts
 * (`insured` table of the workspace) instead of `count(DISTINCT insured_id)`. Expected counts are sums of
 * insured-years, which the exposure cube keeps, so they are computed as in the DuckDB path.
 */
import {literal} from "../../../engine/sql.ts";
import type {Grain} from "../../../shared/periods.ts";
import {segmentColumn, type Dimension} from "../../dimensions.ts";
import {SEGMENT_CREDIBILITY, type AeCellsTables, type Baseline} from "../duckdb/ae-cells.ts";
import {lossRatioSql as duckdbLossRatioSql} from "../duckdb/loss-ratio.ts";
import {CLAIM_CUBE, createReferenceRatesSql as duckdbReferenceRatesSql, createSeasonSql as duckdbSeasonSql} from "../duckdb/reference-rates.ts";

export interface CubeTables extends AeCellsTables {
  /** Distinct insured and insured-years per grain, dimension, period and segment. */
  insured: string;
}

function expectedSql(exposure: string, t: AeCellsTables, band: string, segment: string, period: string | null, inList: string): string {
  const periodColumn = period ? `${period} AS period_start, ` : "";
  return `SELECT ${periodColumn}x.segment, r.guarantee, sum(x.years * r.annual_rate * s.factor) AS expected
  FROM (SELECT ${period ? `${period}, ` : ""}month(month_start) AS moy, ${segment} AS segment, sex, job_category, ${band} AS age_band,
               sum(years) AS years
        FROM ${exposure} GROUP BY ALL) x
  JOIN ${t.rates} r ON r.sex = x.sex AND r.job_category = x.job_category AND r.age_band = x.age_band
  JOIN ${t.season} s ON s.guarantee = r.guarantee AND s.moy = x.moy
  WHERE r.guarantee IN (${inList})
  GROUP BY ALL`;
}

export function aeCellsSql(dimension: Dimension, grain: Grain, guarantees: readonly string[], baseline: Baseline, t: CubeTables): string {
  const byGuarantee = dimension === "guarantee";
  const band = `band_${grain}`;
  const segment = byGuarantee ? "'*'" : dimension === "age_band" ? band : segmentColumn[dimension];
  const refSegment = byGuarantee ? "'*'" : dimension === "age_band" ? "band_month" : segmentColumn[dimension];
  const period = `${grain}_start`;
  const inList = guarantees.map((g) => literal(g)).join(", ");
  const factor =
    baseline === "portfolio"
      ? `factor AS (SELECT NULL::VARCHAR AS segment, NULL::VARCHAR AS guarantee, 1.0 AS factor WHERE false)`
      : `ref_e AS (${expectedSql(t.referenceExposure, t, "band_month", refSegment, null, inList)}),
ref_a AS (SELECT ${refSegment} AS segment, guarantee, sum(claims) AS actual FROM ${t.referenceFacts}
          WHERE guarantee IN (${inList}) GROUP BY ALL),
factor AS (SELECT e.segment, e.guarantee,
                  (coalesce(a.actual, 0) + ${SEGMENT_CREDIBILITY}) / (e.expected + ${SEGMENT_CREDIBILITY}) AS factor
           FROM ref_e e LEFT JOIN ref_a a ON a.segment = e.segment AND a.guarantee = e.guarantee)`;
  return `WITH ins AS (
  SELECT period_start, segment, exposure_years, insured FROM ${t.insured}
  WHERE grain = ${literal(grain)} AND dimension = ${literal(dimension)}
),
${factor},
expd AS (
  SELECT e.period_start, e.segment, e.guarantee, e.expected * coalesce(f.factor, 1) AS expected,
         e.expected AS expected_portfolio
  FROM (${expectedSql(t.exposure, t, band, segment, period, inList)}) e
  LEFT JOIN factor f ON f.segment = e.segment AND f.guarantee = e.guarantee
),
act AS (
  SELECT ${period} AS period_start, ${segment} AS segment, guarantee, sum(claims)::BIGINT AS actual, sum(cost_eur) AS cost_eur
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
FROM cells c LEFT JOIN ins i ON i.period_start = c.period_start AND i.segment = c.segment
ORDER BY segment, c.guarantee, c.period_start`;
}

/** S/P from the cubes: the DuckDB statement, counting cube rows and reading the cluster's distinct insured. */
export function lossRatioSql(dimension: Dimension, t: Pick<CubeTables, "exposure" | "facts" | "insured">): string {
  return duckdbLossRatioSql(dimension, t, {
    claims: CLAIM_CUBE,
    insured: (d) => `SELECT year(period_start) AS year, segment, insured, exposure_years FROM ${t.insured}
        WHERE grain = 'year' AND dimension = ${literal(d)}`
  });
}

/** Reference rates estimated from the reference window's cubes: the DuckDB statement, counting cube rows. */
export function createReferenceRatesSql(table: string, exposure: string, facts: string): string {
  return duckdbReferenceRatesSql(table, exposure, facts, CLAIM_CUBE);
}

/** Seasonal factors from the reference window's cubes: the DuckDB statement, counting cube rows. */
export function createSeasonSql(table: string, rates: string, exposure: string, facts: string): string {
  return duckdbSeasonSql(table, rates, exposure, facts, CLAIM_CUBE);
}
