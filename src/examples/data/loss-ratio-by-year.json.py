"""Loader of the Python example (src/examples/python-loader.md): loss ratio and claim counts per year.

Framework runs this file with the project's Python (.venv, python/requirements.txt) at build time and publishes
what it prints. It reads the delivery's governed tables through the `carnet` helper (python/carnet/): validated,
pseudonymised rows, never the raw extract files. Only aggregates leave it, and a year whose claims concern fewer
than 11 insured is masked (statistical secrecy) with the team's rule, `carnet.mask_small`.
"""
import json
import sys

import carnet

years = carnet.query("""
WITH premium AS (SELECT year, sum(earned_premium_eur) AS earned_premium_eur FROM premiums GROUP BY year),
     cost AS (SELECT year(event_date) AS year, count(*) AS claims, count(DISTINCT insured_id) AS insured,
                     sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)) AS claims_cost_eur
              FROM claims GROUP BY ALL)
SELECT year, coalesce(p.earned_premium_eur, 0) AS earned_premium_eur, coalesce(c.claims, 0) AS claims,
       coalesce(c.claims_cost_eur, 0) AS claims_cost_eur, coalesce(c.insured, 0) AS insured
FROM premium p FULL JOIN cost c USING (year) ORDER BY year
""")
years["loss_ratio"] = (years["claims_cost_eur"] / years["earned_premium_eur"]).where(years["earned_premium_eur"] > 0)
# A year without claims describes nobody: nothing to mask. Others below 11 insured lose their figures.
masked = carnet.mask_small(years[years["insured"] > 0], count="insured")
published = [
    {
        "year": int(row["year"]),
        "earned_premium_eur": round(float(years.loc[i, "earned_premium_eur"]), 2),
        "claims": None if row["masked"] else int(row["claims"]),
        "claims_cost_eur": None if row["masked"] else round(float(row["claims_cost_eur"]), 2),
        "loss_ratio": None if row["masked"] or row["loss_ratio"] is None else float(row["loss_ratio"]),
        "masked": bool(row["masked"]),
    }
    for i, row in masked.iterrows()
]
json.dump({"years": published, "python": sys.version.split()[0]}, sys.stdout)
