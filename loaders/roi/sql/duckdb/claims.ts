/**
 * DuckDB statements for the backtest's claims.
 *
 * One row per expertised claim (a claim can be expertised more than once):
 * - outcome: `abuse` if any of its expertises found an abuse; otherwise `pending` while any expertise is still
 *   pending; otherwise the latest decided outcome (`justified` or `no_show`).
 * - The backtest keeps decided claims only (abuse, justified, no_show). A `no_show` counts as a decided
 *   non-abuse: the expertise was paid for and no abuse was established (and no saving recorded). Pending claims
 *   are left out, as their outcome is unknown, and counted apart.
 * - saving_eur: the recorded savings of its abuse expertises (missing = 0).
 * - arm: the selection (`rule`, `model`, `random`) of its first expertise; year: the year it was ordered.
 * Joined to the claim's score from `scores` for one model version; `rank` orders by score descending, equal
 * scores by claim id, within the model version.
 */
import {literal} from "../../../engine/sql.ts";
import type {RoiFilter} from "../../filter.ts";

/** The per-claim outcome as a CTE named `claim_outcomes`. */
export function claimOutcomesCte(): string {
  return `claim_outcomes AS (
      SELECT claim_id,
        CASE WHEN bool_or(outcome = 'abuse') THEN 'abuse'
             WHEN bool_or(outcome = 'pending') THEN 'pending'
             ELSE arg_max(outcome, strftime(ordered_date, '%Y-%m-%d') || expertise_id) END AS outcome,
        coalesce(sum(saving_eur) FILTER (WHERE outcome = 'abuse'), 0)::DOUBLE AS saving_eur,
        arg_min(selection, strftime(ordered_date, '%Y-%m-%d') || expertise_id) AS arm,
        year(min(ordered_date))::INTEGER AS year,
        count(*)::INTEGER AS expertises
      FROM expertises
      GROUP BY claim_id
    )`;
}

function periodCondition(filter: RoiFilter, column: string): string {
  const parts: string[] = [];
  if (filter.from !== undefined) parts.push(`${column} >= ${literal(filter.from)}`);
  if (filter.to !== undefined) parts.push(`${column} <= ${literal(filter.to)}`);
  return parts.length ? parts.join(" AND ") : "true";
}

/** Decided, scored claims of one model version and period, in rank order. */
export function scoredClaimsSql(filter: RoiFilter): string {
  return `WITH ${claimOutcomesCte()}
    SELECT o.claim_id, s.score::DOUBLE AS score, o.year, o.outcome,
      (o.outcome = 'abuse')::INTEGER AS abuse, o.saving_eur, o.arm,
      row_number() OVER (ORDER BY s.score DESC, o.claim_id)::INTEGER AS rank
    FROM claim_outcomes o JOIN scores s ON s.claim_id = o.claim_id AND s.model_version = ${literal(filter.model)}
    WHERE o.outcome <> 'pending' AND ${periodCondition(filter, "o.year")}
    ORDER BY rank`;
}

/**
 * Every model version's decided and pending expertised claims, for the page: one row per (version, claim),
 * ranked within the version, without the claim id (the page needs only the order, which `rank` keeps).
 */
export function pageClaimsSql(): string {
  return `WITH ${claimOutcomesCte()}
    SELECT s.model_version, row_number() OVER (PARTITION BY s.model_version ORDER BY s.score DESC, o.claim_id)::INTEGER AS rank,
      s.score::DOUBLE AS score, o.year, (o.outcome = 'abuse')::INTEGER AS abuse, o.saving_eur, o.arm
    FROM claim_outcomes o JOIN scores s ON s.claim_id = o.claim_id
    WHERE o.outcome <> 'pending'
    ORDER BY s.model_version, rank`;
}

/** Model versions with their scored claims and last scoring date, the most recent first. */
export function modelVersionsSql(): string {
  return `SELECT model_version, count(*)::INTEGER AS scored_claims, strftime(max(scored_date), '%Y-%m-%d') AS last_scored
    FROM scores GROUP BY model_version ORDER BY max(scored_date) DESC, model_version DESC`;
}

/**
 * How expertised claims enter the backtest, per model version and year: decided with a score (in), pending (out:
 * unknown outcome), decided without a score of that version (out: nothing to rank), by outcome and arm.
 */
export function coverageSql(): string {
  return `WITH ${claimOutcomesCte()}, versions AS (SELECT DISTINCT model_version FROM scores)
    SELECT v.model_version, o.year, o.outcome, o.arm, (s.claim_id IS NOT NULL) AS scored, count(*)::INTEGER AS claims
    FROM versions v CROSS JOIN claim_outcomes o
    LEFT JOIN scores s ON s.claim_id = o.claim_id AND s.model_version = v.model_version
    GROUP BY ALL ORDER BY ALL`;
}
