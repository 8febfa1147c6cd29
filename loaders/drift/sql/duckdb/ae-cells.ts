/**
 * Actual and expected claim counts per segment, guarantee and period (DuckDB dialect).
 * expected = sum over the segment's insured of exposure (insured-years) x reference annual rate of their
 * sex, job category and age band; actual = claims whose event_date falls in the period.
 * `insured` counts distinct insured exposed in the cell (for statistical secrecy).
 */
import {literal} from "../../../engine/sql.ts";
import {segmentColumn, type Dimension} from "../../dimensions.ts";

export interface AeCellsTables {
  exposure: string;
  facts: string;
  rates: string;
}

export function aeCellsSql(dimension: Dimension, guarantees: readonly string[], t: AeCellsTables): string {
  const byGuarantee = dimension === "guarantee";
  // For the guarantee dimension exposure is shared by all guarantees: group it under one placeholder segment.
  const segment = byGuarantee ? "'*'" : segmentColumn[dimension];
  const inList = guarantees.map((g) => literal(g)).join(", ");
  return `WITH ins AS (
  SELECT period_start, ${segment} AS segment, sum(years) AS exposure_years, count(DISTINCT insured_id) AS insured
  FROM ${t.exposure} GROUP BY ALL
),
expd AS (
  SELECT x.period_start, x.segment, r.guarantee, sum(x.years * r.annual_rate) AS expected
  FROM (SELECT period_start, ${segment} AS segment, sex, job_category, age_band, sum(years) AS years
        FROM ${t.exposure} GROUP BY ALL) x
  JOIN ${t.rates} r ON r.sex = x.sex AND r.job_category = x.job_category AND r.age_band = x.age_band
  WHERE r.guarantee IN (${inList})
  GROUP BY ALL
),
act AS (
  SELECT period_start, ${segment} AS segment, guarantee, count(*) AS actual, sum(cost_eur) AS cost_eur
  FROM ${t.facts} WHERE guarantee IN (${inList}) GROUP BY ALL
),
cells AS (
  SELECT coalesce(e.period_start, a.period_start) AS period_start, coalesce(e.segment, a.segment) AS segment,
         coalesce(e.guarantee, a.guarantee) AS guarantee, coalesce(e.expected, 0) AS expected,
         coalesce(a.actual, 0) AS actual, coalesce(a.cost_eur, 0) AS cost_eur
  FROM expd e FULL JOIN act a ON a.period_start = e.period_start AND a.segment = e.segment AND a.guarantee = e.guarantee
)
SELECT strftime(c.period_start, '%Y-%m-%d') AS period_start,
       ${byGuarantee ? "c.guarantee" : "c.segment"} AS segment, c.guarantee,
       coalesce(i.exposure_years, 0) AS exposure_years, coalesce(i.insured, 0) AS insured,
       c.actual, c.expected, c.cost_eur
FROM cells c LEFT JOIN ins i ON i.period_start = c.period_start AND i.segment = c.segment
ORDER BY segment, c.guarantee, c.period_start`;
}
