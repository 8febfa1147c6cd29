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
import {bandLabelSql, monthDateSql, monthIndexSql, monthsSql, type DateWindow} from "./exposure.ts";

const fixedDimensions = ["contract", "sector", "region", "job_category"] as const;

/** Months per period of each grain: periods are counted as integer months like the pieces (monthIndexSql). */
const monthsPer: Record<Grain, number> = {month: 1, quarter: 3, year: 12};

function rangesSql(grain: Grain): string {
  const start = (m: string) => `${m} // ${monthsPer[grain]} * ${monthsPer[grain]}`;
  const after = (m: string) => `${start(m)} + ${monthsPer[grain]}`;
  const fixed = [...fixedDimensions.map((d) => [d, segmentColumn[d]]), ["guarantee", "'*'"]]
    .map(
      ([d, column]) => `SELECT '${grain}' AS grain, '${d}' AS dimension, CAST(${column} AS VARCHAR) AS segment,
         ${start("first_month")} AS range_from, ${after("last_month")} AS range_until, n FROM covers`
    )
    .join("\n  UNION ALL ");
  return `${fixed}
  UNION ALL SELECT '${grain}', 'age_band', ${bandLabelSql("band")}, ${start("first_month")}, ${after("last_month")}, n
  FROM band_covers WHERE grain = '${grain}'`;
}

/**
 * Each insured's months in one age band of `grain`, counted by band and months. A cover in one piece is one
 * band's range as it is; only the insured whose cover was cut are grouped by insured.
 */
function bandCoversSql(pieces: string, grain: Grain): string {
  return `SELECT '${grain}' AS grain, band, first_month, last_month, count(*) AS n FROM (
    SELECT band_${grain} AS band, first_month, last_month FROM ${pieces}
    WHERE piece_from = first_month AND piece_until = last_month + 1
    UNION ALL
    SELECT band_${grain}, min(piece_from), max(piece_until) - 1 FROM ${pieces}
    WHERE piece_from > first_month OR piece_until <= last_month GROUP BY insured_id, band_${grain}) GROUP BY ALL`;
}

/**
 * What the distinct counts start from, insured counted alike: `covers` (contract_id, job_category, first_month,
 * last_month, n) and `bandCovers` (grain, band, first_month, last_month, n: an insured's months in one band of
 * the grain), months as integers. Rows may repeat a group (they are added up).
 */
export interface CoverCounts {
  covers: string;
  bandCovers: string;
}

/** The cover counts from the window's cover pieces (`pieces`, exposure.ts createPiecesSql). */
export function coverCountsFromPieces(pieces: string): CoverCounts {
  return {
    covers: `SELECT contract_id, job_category, first_month, last_month, count(*) AS n FROM ${pieces}
        WHERE piece_from = first_month GROUP BY ALL`,
    bandCovers: grains.map((g) => bandCoversSql(pieces, g)).join("\n  UNION ALL ")
  };
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

/** Distinct insured per period from the cover counts (coverCountsFromPieces, or a cluster's). */
export function createInsuredCountsSql(
  table: string,
  exposure: string,
  counts: CoverCounts,
  window: DateWindow
): string {
  return `CREATE OR REPLACE TABLE ${table} AS
-- Insured with the same segment attributes and cover months count alike: count them once per such group.
WITH covers AS (
  SELECT v.contract_id, c.sector_naf, c.region, v.job_category, v.first_month, v.last_month, v.n
  FROM (${counts.covers}) v
  JOIN contracts c ON c.contract_id = v.contract_id
),
band_covers AS (${counts.bandCovers}),
periods AS (
  SELECT DISTINCT g.grain, m.month // g.months * g.months AS period_start
  FROM (SELECT ${monthIndexSql("month_start")} AS month FROM (${monthsSql(window)})) m
  CROSS JOIN (VALUES ${grains.map((g) => `('${g}', ${monthsPer[g]})`).join(", ")}) AS g(grain, months)
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
  SELECT r.grain, ${monthDateSql("p.period_start")} AS period_start, r.dimension, r.segment, r.insured
  FROM running r JOIN periods p ON p.grain = r.grain AND p.period_start >= r.run_from AND p.period_start < r.run_until
  WHERE r.insured > 0
),
years AS (${grains.map((g) => exposureSql(exposure, g)).join("\n  UNION ALL ")})
SELECT c.grain, c.period_start, c.dimension, c.segment, CAST(c.insured AS BIGINT) AS insured,
       coalesce(y.exposure_years, 0) AS exposure_years
FROM counts c LEFT JOIN years y
  ON y.grain = c.grain AND y.period_start = c.period_start AND y.dimension = c.dimension AND y.segment = c.segment`;
}
