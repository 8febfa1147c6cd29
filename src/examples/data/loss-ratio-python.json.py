"""Loss ratio by year and guarantee, in Python (src/examples/python-loader.md).

The same figures as the SQL, R and TypeScript examples (tests/catalog/loss-ratio-parity-test.ts checks they
agree). Framework runs this file with the project's Python (.venv, python/requirements.txt) at build time and
publishes what it prints. It reads the delivery's governed tables through the `carnet` helper (python/carnet/):
validated, pseudonymised rows, never the raw extract files. Premiums are earned per contract and year, not per
guarantee: a guarantee's loss ratio is its claims cost over the year's earned premium. A cell whose claims concern
fewer than 11 insured loses its figures (`carnet.mask_small`, the team's rule).
"""
import carnet

# Per claim-year and guarantee: claims, distinct insured and cost (paid + outstanding reserve), summed in DuckDB.
cost = carnet.query("""
SELECT year(event_date) AS year, guarantee, count(*) AS claims, count(DISTINCT insured_id) AS insured,
       sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)) AS claims_cost_eur
FROM claims GROUP BY ALL
""")
premium = carnet.table("premiums").groupby("year", as_index=False)["earned_premium_eur"].sum()

rows = cost.merge(premium, on="year", how="left")
rows["earned_premium_eur"] = rows["earned_premium_eur"].fillna(0.0)
rows["loss_ratio"] = (rows["claims_cost_eur"] / rows["earned_premium_eur"]).where(rows["earned_premium_eur"] > 0)
rows = rows.sort_values(["year", "guarantee"])[
    ["year", "guarantee", "earned_premium_eur", "claims", "claims_cost_eur", "loss_ratio", "insured"]
]
carnet.publish(carnet.mask_small(rows, count="insured", keep=["earned_premium_eur"]), fmt="json")
