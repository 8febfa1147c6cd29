"""Loader of the Python example (src/examples/python-loader.md): loss ratio and claim counts per year.

Framework runs this file with python3 at build time and publishes what it prints on stdout. It reads the raw
extract files (standard library only) following the data contract's dialect: "," or ";" delimiter, decimal
comma with ";", UTF-8 (with or without BOM) or Windows-1252, dates YYYY-MM-DD or DD/MM/YYYY. Rows it cannot
read are counted and published as such: nothing is dropped silently. Only aggregates leave this script, and a
year whose claims concern fewer than 11 insured is masked (statistical secrecy).
"""
import csv
import io
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

MIN_INSURED = 11
ROOT = Path(__file__).resolve().parents[3]
EXTRACTS = Path(os.environ.get("CARNET_EXTRACTS") or ROOT / "data" / "extracts")


def read_rows(name):
    """Yields (line, row dict) for a CSV extract file, whatever its contract dialect."""
    raw = (EXTRACTS / f"{name}.csv").read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    for line, row in enumerate(reader, start=2):
        yield line, row, delimiter


def number(value, delimiter):
    value = (value or "").strip()
    if value == "":
        return 0.0
    if delimiter == ";":
        value = value.replace(",", ".")
    return float(value)


def year_of(value):
    value = (value or "").strip()
    if len(value) == 10 and value[4] == "-":
        return int(value[:4])
    if len(value) == 10 and value[2] == "/":
        return int(value[6:])
    raise ValueError(f"not a date: {value!r}")


def main():
    premium = defaultdict(float)
    cost = defaultdict(float)
    claims = defaultdict(int)
    claimants = defaultdict(set)
    unreadable = {"premiums": 0, "claims": 0}
    for _, row, d in read_rows("premiums"):
        try:
            premium[int(row["year"])] += number(row["earned_premium_eur"], d)
        except (ValueError, KeyError, TypeError):
            unreadable["premiums"] += 1
    for _, row, d in read_rows("claims"):
        try:
            year = year_of(row["event_date"])
            cost[year] += number(row["paid_eur"], d) + number(row["reserve_eur"], d)
            claims[year] += 1
            # Counted only, never published: insured ids stay in this process.
            claimants[year].add(row["insured_id"])
        except (ValueError, KeyError, TypeError):
            unreadable["claims"] += 1
    years = []
    for year in sorted(set(premium) | set(claims)):
        masked = 0 < len(claimants[year]) < MIN_INSURED
        years.append({
            "year": year,
            "earned_premium_eur": round(premium[year], 2),
            "claims": None if masked else claims[year],
            "claims_cost_eur": None if masked else round(cost[year], 2),
            "loss_ratio": None if masked or premium[year] == 0 else cost[year] / premium[year],
            "masked": masked,
        })
    json.dump({"years": years, "unreadable_rows": unreadable, "python": sys.version.split()[0]}, sys.stdout)


if __name__ == "__main__":
    main()
