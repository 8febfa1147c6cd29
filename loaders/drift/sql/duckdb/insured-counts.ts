/**
 * Distinct insured and insured-years per period grain, dimension, period and segment (DuckDB dialect), the table
 * the ClickHouse path counts on the shards, here without insured x months. An insured is one row of the extract
 * (insured_id is its key) with one contiguous cover, so it counts in a contiguous range of periods of each grain:
 * +1 at the first, -1 after the last, and a running sum over periods gives the distinct count. Its segment is
 * fixed but for the age band, which is the band on each period's first day: the periods holding one band are
 * again contiguous (bands only grow), so each (insured, band) pair is one range. Insured-years come from the
 * exposure cube (exposure.ts).
 */
import {grains, type Grain} from "../../../../src/lib/periods.ts";
import {segmentColumn} from "../../dimensions.ts";
import {monthsSql, type DateWindow} from "./exposure.ts";

const fixedDimensions = ["contract", "sector", "region", "job_category"] as const;

function rangesSql(grain: Grain): string {
  const start = (m: string) => `CAST(date_trunc('${grain}', ${m}) AS DATE)`;
  const after = (m: string) => `CAST(date_trunc('${grain}', ${m}) + INTERVAL 1 ${grain} AS DATE)`;
  const fixed = [...fixedDimensions.map((d) => [d, segmentColumn[d]]), ["guarantee", "'*'"]]
    .map(
      ([d, column]) => `SELECT '${grain}' AS grain, '${d}' AS dimension, CAST(${column} AS VARCHAR) AS segment,
         ${start("first_month")} AS range_from, ${after("last_month")} AS range_until, n FROM covers`
    )
    .join("\n  UNION ALL ");
  return `${fixed}
  UNION ALL SELECT '${grain}', 'age_band', band, ${start("first_month")}, ${after("last_month")}, n
  FROM band_covers WHERE grain = '${grain}'`;
}

/** Each insured's months in one age band of `grain`, counted by band and months. */
function bandCoversSql(pieces: string, grain: Grain): string {
  return `SELECT '${grain}' AS grain, band, first_month, last_month, count(*) AS n FROM (
    SELECT band_${grain} AS band, min(piece_from) AS first_month, CAST(max(piece_until) - INTERVAL 1 MONTH AS DATE) AS last_month
    FROM ${pieces} GROUP BY insured_id, band_${grain}) GROUP BY ALL`;
}

function exposureSql(exposure: string, grain: Grain): string {
  return [...fixedDimensions, "age_band" as const, "guarantee" as const]
    .map((d) => {
      const segment = d === "guarantee" ? "'*'" : d === "age_band" ? `band_${grain}` : segmentColumn[d];
      return `SELECT '${grain}' AS grain, ${grain}_start AS period_start, '${d}' AS dimension,
         CAST(${segment} AS VARCHAR) AS segment, sum(years) AS exposure_years FROM ${exposure} GROUP BY ALL`;
    })
    .join("\n  UNION ALL ");
}

/** Distinct insured per period from the window's cover pieces (`pieces`, exposure.ts createPiecesSql). */
export function createInsuredCountsSql(table: string, exposure: string, pieces: string, window: DateWindow): string {
  return `CREATE OR REPLACE TABLE ${table} AS
-- Insured with the same segment attributes and cover months count alike: count them once per such group.
WITH covers AS (
  SELECT v.contract_id, c.sector_naf, c.region, v.job_category, v.first_month, v.last_month, v.n
  FROM (SELECT contract_id, job_category, first_month, last_month, count(*) AS n FROM ${pieces}
        WHERE piece_from = first_month GROUP BY ALL) v
  JOIN contracts c ON c.contract_id = v.contract_id
),
band_covers AS (${grains.map((g) => bandCoversSql(pieces, g)).join("\n  UNION ALL ")}),
periods AS (
  SELECT DISTINCT g.grain, CAST(date_trunc(g.grain, m.month_start) AS DATE) AS period_start
  FROM (${monthsSql(window)}) m CROSS JOIN (VALUES ${grains.map((g) => `('${g}')`).join(", ")}) AS g(grain)
),
ranges AS (${grains.map(rangesSql).join("\n  UNION ALL ")}),
steps AS (
  SELECT grain, dimension, segment, period_start, sum(step) AS step FROM (
    SELECT grain, dimension, segment, range_from AS period_start, n AS step FROM ranges
    UNION ALL SELECT grain, dimension, segment, range_until AS period_start, -n AS step FROM ranges
  ) GROUP BY ALL
),
running AS (
  SELECT grain, dimension, segment, period_start AS run_from,
         lead(period_start) OVER (PARTITION BY grain, dimension, segment ORDER BY period_start) AS run_until,
         sum(step) OVER (PARTITION BY grain, dimension, segment ORDER BY period_start) AS insured
  FROM steps
),
counts AS (
  SELECT r.grain, p.period_start, r.dimension, r.segment, r.insured
  FROM running r JOIN periods p ON p.grain = r.grain AND p.period_start >= r.run_from AND p.period_start < r.run_until
  WHERE r.insured > 0
),
years AS (${grains.map((g) => exposureSql(exposure, g)).join("\n  UNION ALL ")})
SELECT c.grain, c.period_start, c.dimension, c.segment, CAST(c.insured AS BIGINT) AS insured,
       coalesce(y.exposure_years, 0) AS exposure_years
FROM counts c LEFT JOIN years y
  ON y.grain = c.grain AND y.period_start = c.period_start AND y.dimension = c.dimension AND y.segment = c.segment`;
}
