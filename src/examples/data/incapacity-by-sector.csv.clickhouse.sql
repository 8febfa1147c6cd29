-- ClickHouse twin of incapacity-by-sector.csv.sql, run instead of it when CARNET_ENGINE points at a cluster
-- loaded by `carnet ingest` (same columns, same masking). The GROUP BYs run on the shards; the small
-- contracts table is sent to every shard (GLOBAL JOIN).
SELECT sector_naf, toInt32(year) AS year, toInt32(n_insured) AS insured,
  if(n_claimants < 11, NULL, toInt32(n_claims)) AS claims,
  if(n_claimants < 11, NULL, round(1000.0 * n_claims / n_insured, 1)) AS claims_per_1000_insured
FROM (
  SELECT sector_naf, toYear(event_date) AS year, count() AS n_claims, uniqExact(insured_id) AS n_claimants
  FROM claims GLOBAL ALL INNER JOIN (SELECT contract_id, sector_naf FROM contracts) USING contract_id
  WHERE guarantee = 'incapacity'
  GROUP BY sector_naf, year
)
ALL INNER JOIN (
  SELECT sector_naf, uniqExact(insured_id) AS n_insured
  FROM insured GLOBAL ALL INNER JOIN (SELECT contract_id, sector_naf FROM contracts) USING contract_id
  GROUP BY sector_naf
) USING sector_naf
ORDER BY sector_naf, year
