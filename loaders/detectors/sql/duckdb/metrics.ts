/**
 * DuckDB statements behind a run's metrics, over a table (label INTEGER 0/1, score DOUBLE, decision INTEGER
 * or NULL). All of them sort the scores once (GROUP BY score, then a running sum in descending order), so a
 * run costs O(n log n) whatever its size; only totals and at most 200 curve points come back to JS.
 */
import {identifier, literal} from "../../../engine/sql.ts";

/** Per distinct score: forged and genuine counts, then running totals from the highest score down. */
function cumulative(table: string): string {
  return `g AS (
      SELECT score, sum(label)::BIGINT AS pos, (count(*) - sum(label))::BIGINT AS neg FROM ${identifier(table)} GROUP BY score
    ), c AS (
      SELECT score, pos, neg,
        sum(pos) OVER w AS tp, sum(neg) OVER w AS fp, row_number() OVER w AS rank
      FROM g WINDOW w AS (ORDER BY score DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ), totals AS (SELECT coalesce(sum(pos), 0)::BIGINT AS p, coalesce(sum(neg), 0)::BIGINT AS n FROM g)`;
}

/**
 * Rank metrics. AUC is the Mann-Whitney count: for each genuine document, the forged ones scored above it,
 * plus one half of those tied with it; summed exactly in integers as 2 * count, divided once at the end.
 * AP is scikit-learn's step sum: at each distinct threshold, (gain in recall) x (precision there).
 */
export function rankMetrics(table: string): string {
  return `WITH ${cumulative(table)}
    SELECT any_value(totals.p) AS positives, any_value(totals.n) AS negatives,
      CAST(sum(c.neg::HUGEINT * (2 * (c.tp - c.pos) + c.pos)) AS DOUBLE) AS auc_twice_count,
      fsum(c.pos::DOUBLE * c.tp / (c.tp + c.fp)) AS ap_sum
    FROM totals LEFT JOIN c ON true`;
}

/** The confusion matrix at the decision: the decision column where given, else score >= threshold. */
export function confusion(table: string, threshold: number | null): string {
  const byThreshold = threshold === null ? "NULL" : `CASE WHEN score >= ${literal(threshold)} THEN 1 ELSE 0 END`;
  return `WITH d AS (SELECT label, coalesce(decision, ${byThreshold}) AS decided, decision IS NOT NULL AS given FROM ${identifier(table)})
    SELECT count(*) FILTER (WHERE label = 1 AND decided = 1)::BIGINT AS tp,
      count(*) FILTER (WHERE label = 0 AND decided = 1)::BIGINT AS fp,
      count(*) FILTER (WHERE label = 0 AND decided = 0)::BIGINT AS tn,
      count(*) FILTER (WHERE label = 1 AND decided = 0)::BIGINT AS fn,
      count(*) FILTER (WHERE decided IS NULL)::BIGINT AS undecided,
      count(*) FILTER (WHERE given)::BIGINT AS given,
      count(*)::BIGINT AS n
    FROM d`;
}

/**
 * Curve points thinned to at most `buckets` + 1 (the caller adds the origin): the distinct thresholds are cut
 * into buckets by progress along the ROC curve, (tpr + fpr) / 2 from 0 to 1, and the last threshold of each
 * bucket is kept, so steep and flat stretches get points alike and the final (1, 1) point is always kept.
 */
export function curvePoints(table: string, buckets: number): string {
  return `WITH ${cumulative(table)}, k AS (
      SELECT c.score, c.tp, c.fp, c.rank,
        least(${buckets - 1}, floor(${buckets} * (c.tp / greatest(totals.p, 1) + c.fp / greatest(totals.n, 1))
          / greatest(sign(totals.p) + sign(totals.n), 1)))::BIGINT AS bucket
      FROM c, totals
    )
    SELECT score, tp::BIGINT AS tp, fp::BIGINT AS fp FROM k
    QUALIFY row_number() OVER (PARTITION BY bucket ORDER BY rank DESC) = 1
    ORDER BY rank`;
}
