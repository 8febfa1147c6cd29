-- Loss ratio by year and guarantee, in SQL (src/examples/sql-loader.md); the same figures as the Python, R and
-- TypeScript examples (tests/catalog/loss-ratio-parity-test.ts checks they agree). Premiums are earned per
-- contract and year, not per guarantee: a guarantee's loss ratio is its claims cost over the year's earned
-- premium, so the guarantees of a year add up to its S/P. Claims cost = paid + outstanding reserve, by event year.
-- A cell whose claims concern fewer than 11 insured loses its figures (carnet_mask, the team's rule).
WITH premium AS (SELECT year, sum(earned_premium_eur) AS earned_premium_eur FROM premiums GROUP BY year),
cost AS (
  SELECT year(event_date) AS year, guarantee, count(*) AS claims, count(DISTINCT insured_id) AS insured,
         sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)) AS claims_cost_eur
  FROM claims GROUP BY ALL
)
SELECT c.year::INTEGER AS year, c.guarantee, coalesce(p.earned_premium_eur, 0)::DOUBLE AS earned_premium_eur,
       carnet_mask(c.claims, c.insured)::INTEGER AS claims,
       carnet_mask(c.claims_cost_eur, c.insured)::DOUBLE AS claims_cost_eur,
       carnet_mask(c.claims_cost_eur / nullif(p.earned_premium_eur, 0), c.insured)::DOUBLE AS loss_ratio,
       carnet_mask(c.insured, c.insured)::INTEGER AS insured
FROM cost c LEFT JOIN premium p USING (year)
ORDER BY year, guarantee;
