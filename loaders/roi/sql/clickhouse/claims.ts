/**
 * ClickHouse (18.16) twins of ../duckdb/claims.ts, same names and output columns. No window functions and no
 * WITH subqueries in 18.16: ranks come from sorting the (small) per-claim result as an array
 * (arraySort by (-score, claim_id), then ARRAY JOIN with arrayEnumerate). The per-claim outcome is grouped on
 * the shards: expertises and scores are both sharded by claim_id, so each shard joins its expertises with its
 * own `scores_local` and every claim's group is complete on one shard.
 */
import {clickhouseLiteral as literal, identifier} from "../../../engine/sql.ts";
import type {RoiFilter} from "../../filter.ts";

/** Sort key of an expertise: its order date then id (as the DuckDB path's strftime(...) || expertise_id). */
const ORDER_KEY = "concat(toString(ordered_date), expertise_id)";

/**
 * One row per expertised claim (per claim and model version when `scoresOn` joins every version), as the
 * DuckDB path's claim_outcomes: outcome, saving, arm, year, expertises; plus the joined score.
 */
function claimOutcomesSql(db: string, scoresOn: string, join: "INNER" | "LEFT"): string {
  return `SELECT claim_id, model_version, any(version_score) AS score,
       multiIf(max(outcome = 'abuse') = 1, 'abuse', max(outcome = 'pending') = 1, 'pending', argMax(outcome, ${ORDER_KEY})) AS claim_outcome,
       sumIf(ifNull(saving_eur, 0), outcome = 'abuse') AS claim_saving,
       argMin(selection, ${ORDER_KEY}) AS claim_arm,
       toInt32(toYear(min(ordered_date))) AS claim_year
FROM expertises
ALL ${join} JOIN (SELECT claim_id, model_version, score AS version_score FROM ${identifier(db)}.scores_local ${scoresOn}) USING claim_id
GROUP BY claim_id, model_version`;
}

function periodCondition(filter: RoiFilter, column: string): string {
  const parts: string[] = [];
  if (filter.from !== undefined) parts.push(`${column} >= ${literal(filter.from)}`);
  if (filter.to !== undefined) parts.push(`${column} <= ${literal(filter.to)}`);
  return parts.length ? parts.join(" AND ") : "1";
}

/** Decided, scored claims of one model version and period, in rank order (see ../duckdb/claims.ts). */
export function scoredClaimsSql(filter: RoiFilter, db: string): string {
  return `SELECT r.1 AS claim_id, r.2 AS score, r.3 AS year, r.4 AS outcome, toInt32(r.4 = 'abuse') AS abuse, r.5 AS saving_eur,
       r.6 AS arm, toInt32(position) AS rank
FROM (
  SELECT arraySort(x -> (-x.2, x.1), groupArray((claim_id, toFloat64(score), claim_year, claim_outcome, claim_saving, claim_arm))) AS rows
  FROM (${claimOutcomesSql(db, `WHERE model_version = ${literal(filter.model)}`, "INNER")})
  WHERE claim_outcome != 'pending' AND ${periodCondition(filter, "claim_year")}
)
ARRAY JOIN rows AS r, arrayEnumerate(rows) AS position
ORDER BY position`;
}

/** Every model version's decided claims, ranked within the version, without the claim id. */
export function pageClaimsSql(db: string): string {
  return `SELECT model_version, toInt32(position) AS rank, r.2 AS score, r.3 AS year, toInt32(r.4 = 'abuse') AS abuse, r.5 AS saving_eur, r.6 AS arm
FROM (
  SELECT model_version,
         arraySort(x -> (-x.2, x.1), groupArray((claim_id, toFloat64(score), claim_year, claim_outcome, claim_saving, claim_arm))) AS rows
  FROM (${claimOutcomesSql(db, "", "INNER")})
  WHERE claim_outcome != 'pending'
  GROUP BY model_version
)
ARRAY JOIN rows AS r, arrayEnumerate(rows) AS position
ORDER BY model_version, position`;
}

/** Model versions with their scored claims and last scoring date, the most recent first. */
export function modelVersionsSql(): string {
  return `SELECT model_version, toInt32(count()) AS scored_claims, toString(max(scored_date)) AS last_scored
    FROM scores GROUP BY model_version ORDER BY last_scored DESC, model_version DESC`;
}

/**
 * How expertised claims enter the backtest, per model version and year (see ../duckdb/claims.ts): each claim's
 * outcome with the versions that scored it is grouped on the shards; the claims x versions count runs on the
 * entry node over those per-claim rows. `scored` comes back as 0/1 (18.16 has no boolean).
 */
export function coverageSql(db: string): string {
  return `SELECT version AS model_version, claim_year AS year, claim_outcome AS outcome, claim_arm AS arm,
       has(versions_scored, version) AS scored, toInt32(count()) AS claims
FROM (
  SELECT claim_id, groupUniqArray(model_version) AS versions_scored,
         multiIf(max(outcome = 'abuse') = 1, 'abuse', max(outcome = 'pending') = 1, 'pending', argMax(outcome, ${ORDER_KEY})) AS claim_outcome,
         argMin(selection, ${ORDER_KEY}) AS claim_arm,
         toInt32(toYear(min(ordered_date))) AS claim_year
  FROM expertises
  ALL LEFT JOIN (SELECT claim_id, model_version FROM ${identifier(db)}.scores_local) USING claim_id
  GROUP BY claim_id
)
ARRAY JOIN (SELECT groupUniqArray(model_version) FROM scores) AS version
GROUP BY model_version, year, outcome, arm, scored
ORDER BY model_version, year, outcome, arm, scored`;
}
