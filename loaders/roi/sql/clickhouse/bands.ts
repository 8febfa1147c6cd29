/**
 * ClickHouse twin of ../duckdb/bands.ts: score deciles of the backtest. 18.16 has no ntile(): the band of rank
 * r among n claims follows ntile's definition (the first n mod k bands hold one claim more).
 */
import type {RoiFilter} from "../../filter.ts";
import {scoredClaimsSql} from "./claims.ts";

export function scoreBandsSql(filter: RoiFilter, db: string, bandCount = 10): string {
  const k = Math.max(1, Math.floor(bandCount));
  const q = `intDiv(n, ${k})`;
  const rem = `(n % ${k})`;
  const band = `if(rank <= ${rem} * (${q} + 1), intDiv(rank - 1, ${q} + 1) + 1, ${rem} + intDiv(rank - 1 - ${rem} * (${q} + 1), greatest(${q}, 1)) + 1)`;
  return `SELECT toInt32(band) AS band, toInt32(count()) AS claims, min(score) AS min_score, max(score) AS max_score,
       toInt32(sum(abuse)) AS abuses, sum(abuse) / count() AS naive_precision,
       toInt32(countIf(arm = 'random')) AS random_claims, toInt32(sumIf(abuse, arm = 'random')) AS random_abuses,
       if(countIf(arm = 'random') = 0, NULL, sumIf(abuse, arm = 'random') / countIf(arm = 'random')) AS random_precision,
       toInt32(countIf(arm = 'rule')) AS rule_claims, toInt32(sumIf(abuse, arm = 'rule')) AS rule_abuses
FROM (
  SELECT score, abuse, arm, ${band} AS band
  FROM (${scoredClaimsSql(filter, db)})
  CROSS JOIN (SELECT count() AS n FROM (${scoredClaimsSql(filter, db)}))
)
GROUP BY band ORDER BY band`;
}
