/**
 * Score deciles of the backtest (NTILE(10) over the rank order, decile 1 = highest scores) with the naive
 * precision (all arms) beside the random control arm's precision (unbiased), and the rule arm's counts.
 */
import type {RoiFilter} from "../../filter.ts";
import {scoredClaimsSql} from "./claims.ts";

export function scoreBandsSql(filter: RoiFilter, bandCount = 10): string {
  return `WITH ranked AS (${scoredClaimsSql(filter)}),
    banded AS (SELECT *, ntile(${Math.max(1, Math.floor(bandCount))}) OVER (ORDER BY rank) AS band FROM ranked)
    SELECT band::INTEGER AS band, count(*)::INTEGER AS claims, min(score) AS min_score, max(score) AS max_score,
      sum(abuse)::INTEGER AS abuses, sum(abuse) / count(*) AS naive_precision,
      count(*) FILTER (WHERE arm = 'random')::INTEGER AS random_claims,
      coalesce(sum(abuse) FILTER (WHERE arm = 'random'), 0)::INTEGER AS random_abuses,
      sum(abuse) FILTER (WHERE arm = 'random') / count(*) FILTER (WHERE arm = 'random') AS random_precision,
      count(*) FILTER (WHERE arm = 'rule')::INTEGER AS rule_claims,
      coalesce(sum(abuse) FILTER (WHERE arm = 'rule'), 0)::INTEGER AS rule_abuses
    FROM banded GROUP BY band ORDER BY band`;
}
