-- Loader of the SQL example (src/examples/sql-loader.md): incapacity claims per 1,000 insured, by sector and
-- year. Runs at build time against the validated, pseudonymised tables of the extract folder (contracts,
-- insured, premiums, claims, expertises, scores) in DuckDB; the result is published as CSV.
-- Statistical secrecy: a cell whose claims concern fewer than 11 insured is masked (NULL).
WITH insured_by_sector AS (
  SELECT c.sector_naf, count(DISTINCT i.insured_id) AS insured
  FROM insured i JOIN contracts c ON c.contract_id = i.contract_id
  GROUP BY c.sector_naf
),
claims_by_sector AS (
  SELECT c.sector_naf, year(cl.event_date) AS year,
    count(*) AS claims, count(DISTINCT cl.insured_id) AS claimants
  FROM claims cl JOIN contracts c ON c.contract_id = cl.contract_id
  WHERE cl.guarantee = 'incapacity'
  GROUP BY c.sector_naf, year(cl.event_date)
)
SELECT s.sector_naf,
  s.year::INTEGER AS year,
  i.insured::INTEGER AS insured,
  CASE WHEN s.claimants < 11 THEN NULL ELSE s.claims END::INTEGER AS claims,
  CASE WHEN s.claimants < 11 THEN NULL ELSE round(1000.0 * s.claims / i.insured, 1) END::DOUBLE AS claims_per_1000_insured
FROM claims_by_sector s JOIN insured_by_sector i ON i.sector_naf = s.sector_naf
ORDER BY s.sector_naf, s.year;
