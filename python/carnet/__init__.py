"""Carnet for Python loaders: the delivery's governed tables, the team's SQL macros, the small-cell rule, and
publishing a result the way Framework expects (on standard output).

    import carnet
    claims = carnet.table("claims")                     # pandas, validated and pseudonymised rows only
    df = carnet.query("SELECT ... carnet_exposure_years(...) ...")
    carnet.publish(carnet.mask_small(df, count="insured"), fmt="json")

The tables are the staged Parquet files listed by the manifest (`CARNET_TABLES`, which the build sets; else
`carnet tables` is asked). The raw extract files are never read here: they hold names and NIR.
"""
import io
import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

MIN_INSURED = 11
HOME = Path(os.environ.get("CARNET_HOME") or Path(__file__).resolve().parents[2])


@lru_cache(maxsize=1)
def manifest():
    """The staged tables (table, file, columns, rows), the snapshot date, the key fingerprint and the macros."""
    path = os.environ.get("CARNET_TABLES")
    if path and Path(path).exists():
        return json.loads(Path(path).read_text(encoding="utf-8"))
    tsx = HOME / "node_modules" / ".bin" / "tsx"
    done = subprocess.run(
        [str(tsx), str(HOME / "loaders" / "cli" / "carnet.ts"), "tables", "--format", "json"],
        cwd=HOME, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "carnet tables failed")
    return json.loads(done.stdout)


def connect():
    """A DuckDB connection with a view per staged table and the team's macros (the same SQL as `carnet query`)."""
    con = duckdb.connect()
    for t in manifest()["tables"]:
        con.execute(f"CREATE VIEW {t['table']} AS SELECT * FROM read_parquet('{t['file']}')")
    for macro in manifest().get("macros", []):
        con.execute(macro["sql"])
    # As in `carnet query`: SQL reads the staged tables and nothing else (never the raw extracts, which hold names
    # and NIRs), and cannot turn that back on.
    folders = sorted({str(Path(t["file"]).parent) + "/" for t in manifest()["tables"]})
    con.execute(f"SET allowed_directories = {folders!r}")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def query(sql):
    """A pandas DataFrame of one SQL statement over the staged tables."""
    with connect() as con:
        return con.execute(sql).df()


def table(name):
    """A whole staged table as a pandas DataFrame."""
    names = [t["table"] for t in manifest()["tables"]]
    if name not in names:
        raise KeyError(f"no staged table {name!r}; the tables are {', '.join(names)}")
    return query(f"SELECT * FROM {name}")


# Numeric columns that are keys, not figures: they stay on a masked row.
PERIOD_KEYS = ("year", "quarter", "month", "period", "period_start")


def mask_small(df, count="insured", min=MIN_INSURED, keep=()):
    """The rows describing fewer than `min` people (column `count`) keep their keys but lose their figures.

    Every numeric column becomes missing on those rows, `count` too, but the keys: text columns, the period
    columns (year, quarter, month, period) and those named in `keep`. A column `masked` says which rows.
    """
    out = df.copy()
    small = out[count] < min
    kept = set(keep) | {c for c in out.columns if c in PERIOD_KEYS}
    figures = [c for c in out.columns if pd.api.types.is_numeric_dtype(out[c]) and c != count and c not in kept]
    for column in [*figures, count]:
        out[column] = out[column].astype("object").where(~small, None)
    out["masked"] = small
    return out


def publish(df, fmt="json", out=None):
    """Writes `df` on standard output (what Framework publishes) as json (records), csv, arrow or parquet."""
    out = out or sys.stdout.buffer
    if fmt == "json":
        # 15 significant digits (pandas' most; its default, 10, would round what other languages publish exactly).
        text = df.to_json(orient="records", date_format="iso", double_precision=15)
        out.write(text.encode("utf-8"))
    elif fmt == "csv":
        out.write(df.to_csv(index=False).encode("utf-8"))
    elif fmt in ("arrow", "parquet"):
        import pyarrow as pa

        table = pa.Table.from_pandas(df, preserve_index=False)
        sink = io.BytesIO()
        if fmt == "arrow":
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
        else:
            import pyarrow.parquet as pq

            pq.write_table(table, sink)
        out.write(sink.getvalue())
    else:
        raise ValueError(f"publish: fmt must be json, csv, arrow or parquet, not {fmt!r}")
    out.flush()
