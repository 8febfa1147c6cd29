/**
 * Loss ratio S/P per segment and accident year (DuckDB dialect): claims cost (paid + reserve, all
 * guarantees, by year of event) over earned premium.
 * Premiums are per contract and year. Contract, sector and region sum the premiums of their contracts;
 * age band and job category take each contract's premium in proportion to their share of its exposure that
 * year; for the guarantee dimension each guarantee's cost is set against the whole premium (its
 * contribution to S/P).
 */
import {segmentColumn, type Dimension} from "../../dimensions.ts";
import {CLAIM_ROWS} from "./reference-rates.ts";

export interface LossRatioTables {
  /** Monthly exposure (see exposure.ts). */
  exposure: string;
  /** Claim facts (see claim-facts.ts). */
  facts: string;
}

/**
 * How claims and distinct insured are counted: over row-level tables here; the ClickHouse path passes counts
 * over the cluster's cubes instead (../../local-sql.ts), with the rest of the statement unchanged.
 */
export interface LossRatioCounting {
  claims: string;
  /** A query giving (year, segment, insured, exposure_years). */
  insured(dimension: Dimension, exposureSegment: string): string;
}

export const countRows = (t: LossRatioTables): LossRatioCounting => ({
  claims: CLAIM_ROWS,
  insured: (
    _dimension,
    exposureSegment
  ) => `SELECT year(year_start) AS year, ${exposureSegment} AS segment, count(DISTINCT insured_id) AS insured,
               sum(years) AS exposure_years
        FROM ${t.exposure} GROUP BY ALL`
});

export function lossRatioSql(
  dimension: Dimension,
  t: LossRatioTables,
  counting: LossRatioCounting = countRows(t)
): string {
  const byContract = dimension === "contract" || dimension === "sector" || dimension === "region";
  const byGuarantee = dimension === "guarantee";
  // Age bands by year: the age on January 1st.
  const segment = dimension === "age_band" ? "band_year" : segmentColumn[dimension];
  const years = `SELECT DISTINCT year(year_start) AS year FROM ${t.exposure}`;
  const premium = byGuarantee
    ? `SELECT p.year, g.guarantee AS segment, sum(p.earned_premium_eur) AS premium_eur
       FROM premiums p CROSS JOIN (SELECT DISTINCT guarantee FROM ${t.facts}) g
       WHERE p.year IN (${years}) GROUP BY ALL`
    : byContract
      ? `SELECT p.year, c.${segmentColumn[dimension]} AS segment, sum(p.earned_premium_eur) AS premium_eur
         FROM premiums p JOIN contracts c ON c.contract_id = p.contract_id
         WHERE p.year IN (${years}) GROUP BY ALL`
      : `SELECT p.year, s.segment, sum(p.earned_premium_eur * s.years / t.years) AS premium_eur
         FROM premiums p
         JOIN (SELECT year(year_start) AS year, contract_id, ${segment} AS segment, sum(years) AS years
               FROM ${t.exposure} GROUP BY ALL) s ON s.contract_id = p.contract_id AND s.year = p.year
         JOIN (SELECT year(year_start) AS year, contract_id, sum(years) AS years
               FROM ${t.exposure} GROUP BY ALL) t ON t.contract_id = p.contract_id AND t.year = p.year
         WHERE t.years > 0 GROUP BY ALL`;
  const exposureSegment = byGuarantee ? "'*'" : segment;
  return `WITH prem AS (${premium}),
cost AS (SELECT year(year_start) AS year, ${segment} AS segment, sum(cost_eur) AS cost_eur, ${counting.claims} AS claims
         FROM ${t.facts} GROUP BY ALL),
ins AS (${counting.insured(dimension, exposureSegment)}),
keys AS (SELECT year, segment FROM prem UNION SELECT year, segment FROM cost)
SELECT k.segment, k.year, coalesce(p.premium_eur, 0) AS premium_eur, coalesce(c.cost_eur, 0) AS cost_eur,
       coalesce(c.claims, 0) AS claims,
       CASE WHEN p.premium_eur > 0 THEN coalesce(c.cost_eur, 0) / p.premium_eur END AS loss_ratio,
       coalesce(i.insured, 0) AS insured, coalesce(i.exposure_years, 0) AS exposure_years
FROM keys k
LEFT JOIN prem p ON p.year = k.year AND p.segment = k.segment
LEFT JOIN cost c ON c.year = k.year AND c.segment = k.segment
LEFT JOIN ins i ON i.year = k.year AND i.segment = ${byGuarantee ? "'*'" : "k.segment"}
ORDER BY k.segment, k.year`;
}
