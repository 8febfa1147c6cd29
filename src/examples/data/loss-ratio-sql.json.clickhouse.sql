-- ClickHouse twin of loss-ratio-sql.json.sql, run instead of it when CARNET_ENGINE points at a cluster loaded by
-- `carnet ingest` (same columns, same masking below 11 insured: a masked cell's figures are NULL). The GROUP BYs run on the shards.
SELECT toInt32(y) AS year, guarantee, toFloat64(ifNull(premium, 0)) AS earned_premium_eur,
  if(n_insured < 11, NULL, toInt32(n_claims)) AS claims,
  if(n_insured < 11, NULL, toFloat64(cost)) AS claims_cost_eur,
  if(n_insured < 11 OR ifNull(premium, 0) = 0, NULL, cost / premium) AS loss_ratio,
  if(n_insured < 11, NULL, toInt32(n_insured)) AS insured
FROM (
  SELECT toUInt16(toYear(event_date)) AS y, guarantee, count() AS n_claims, uniqExact(insured_id) AS n_insured,
    sum(ifNull(paid_eur, 0) + ifNull(reserve_eur, 0)) AS cost
  FROM claims
  GROUP BY y, guarantee
)
ALL LEFT JOIN (
  SELECT toUInt16(year) AS y, sum(earned_premium_eur) AS premium FROM premiums GROUP BY y
) USING y
ORDER BY y, guarantee
