# Loss ratio by year and guarantee, in R (src/examples/r-loader.md); the same figures as the SQL, Python and
# TypeScript examples (tests/catalog/loss-ratio-parity-test.ts checks they agree). Framework runs it with Rscript.
# The governed tables come through the carnet helper (R/carnet.R): never the raw extract files. Premiums are earned
# per contract and year, not per guarantee: a guarantee's loss ratio is its claims cost over the year's earned
# premium. A cell whose claims concern fewer than 11 insured loses its figures (carnet_mask_small, the team's rule).
source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))

# Per claim-year and guarantee: claims, distinct insured and cost (paid + outstanding reserve), summed in DuckDB.
cost <- carnet_query("
SELECT year(event_date) AS year, guarantee, count(*) AS claims, count(DISTINCT insured_id) AS insured,
       sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)) AS claims_cost_eur
FROM claims GROUP BY ALL")
premiums <- carnet_query("SELECT year, earned_premium_eur FROM premiums")
premium <- aggregate(earned_premium_eur ~ year, data = premiums, FUN = sum)

rows <- merge(cost, premium, by = "year", all.x = TRUE)
rows$earned_premium_eur[is.na(rows$earned_premium_eur)] <- 0
rows$loss_ratio <- ifelse(rows$earned_premium_eur > 0, rows$claims_cost_eur / rows$earned_premium_eur, NA)
rows <- rows[order(rows$year, rows$guarantee),
             c("year", "guarantee", "earned_premium_eur", "claims", "claims_cost_eur", "loss_ratio", "insured")]
carnet_publish(carnet_mask_small(rows, count = "insured", keep = "earned_premium_eur"), format = "json")
