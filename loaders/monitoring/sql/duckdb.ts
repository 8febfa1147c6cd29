/**
 * Model monitoring's sufficient statistics, in DuckDB over the staged tables (scores, expertises, models,
 * score_features): the reference window of each model version, the reference deciles of its score and of each
 * feature, bin counts and value counts per period, the decided outcomes and the contributions by score band. The
 * statistics themselves (PSI, KS, DeLong, calibration) are computed from these in src/lib/monitoring/. Rows
 * returned are bounded by versions x periods x bins (or distinct 4-decimal scores), never by claims, except the
 * decided expertises, which are bounded by the expertises ordered.
 */
export type MonitoringGrain = "month" | "quarter";

const DECILES = "[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]";

export function periodSql(column: string, grain: MonitoringGrain): string {
  return grain === "month"
    ? `strftime(${column}, '%Y-%m')`
    : `concat(year(${column})::VARCHAR, '-Q', quarter(${column})::VARCHAR)`;
}

/**
 * Each version's reference window: its training window from models.csv when scores fall in it, else its first six
 * months of scores (said in `reference_source`).
 */
export const referenceSql = `
CREATE OR REPLACE TEMP TABLE monitor_reference AS
WITH first AS (
  SELECT model_version, min(scored_date) AS first_day, max(scored_date) AS last_day FROM scores GROUP BY ALL
), in_window AS (
  SELECT s.model_version, count(*) AS n
  FROM scores s JOIN models m USING (model_version)
  WHERE s.scored_date BETWEEN m.trained_from AND m.trained_to
  GROUP BY ALL
)
SELECT f.model_version, f.first_day, f.last_day,
  m.validation_auc, m.deployed_date, m.features, m.base_value, m.description,
  m.trained_from, m.trained_to,
  CASE WHEN coalesce(w.n, 0) > 0 THEN m.trained_from ELSE f.first_day END AS ref_from,
  CASE WHEN coalesce(w.n, 0) > 0 THEN m.trained_to
       ELSE (f.first_day + INTERVAL 6 MONTH - INTERVAL 1 DAY)::DATE END AS ref_to,
  CASE WHEN coalesce(w.n, 0) > 0 THEN 'training window'
       WHEN m.model_version IS NULL THEN 'first six months of scores (no model card)'
       ELSE 'first six months of scores (no score in the training window)' END AS reference_source
FROM first f LEFT JOIN models m USING (model_version) LEFT JOIN in_window w USING (model_version)`;

/** Reference deciles of each version's score. */
export const scoreEdgesSql = `
CREATE OR REPLACE TEMP TABLE monitor_score_edges AS
SELECT s.model_version, quantile_cont(s.score, ${DECILES}) AS edges
FROM scores s JOIN monitor_reference r USING (model_version)
WHERE s.scored_date BETWEEN r.ref_from AND r.ref_to
GROUP BY ALL`;

/** A value's bin among ten fixed on the reference deciles: the number of edges strictly below it (0..9). */
const bin = (value: string, edges: string) => `len(list_filter(${edges}, e -> e < ${value}))`;

/** Score bin counts per version and period, and over the reference window (period NULL). */
export function scoreBinsSql(grain: MonitoringGrain): string {
  return `
SELECT s.model_version, ${periodSql("s.scored_date", grain)} AS period, ${bin("s.score", "e.edges")} AS bin, count(*) AS n
FROM scores s JOIN monitor_score_edges e USING (model_version)
GROUP BY ALL
UNION ALL
SELECT s.model_version, NULL AS period, ${bin("s.score", "e.edges")} AS bin, count(*) AS n
FROM scores s JOIN monitor_score_edges e USING (model_version) JOIN monitor_reference r USING (model_version)
WHERE s.scored_date BETWEEN r.ref_from AND r.ref_to
GROUP BY ALL`;
}

/** Score value counts (4 decimals: at most 10,001 values) per version and period, and over the reference. */
export function scoreValuesSql(grain: MonitoringGrain): string {
  return `
SELECT model_version, ${periodSql("scored_date", grain)} AS period, score AS value, count(*) AS n
FROM scores GROUP BY ALL
UNION ALL
SELECT s.model_version, NULL AS period, s.score AS value, count(*) AS n
FROM scores s JOIN monitor_reference r USING (model_version)
WHERE s.scored_date BETWEEN r.ref_from AND r.ref_to
GROUP BY ALL`;
}

/** The features with the date their score was computed (the period of a feature value is its score's). */
const featuresWithDates = `
  SELECT f.model_version, f.feature, f.value, f.contribution, s.scored_date, s.score
  FROM score_features f JOIN scores s USING (claim_id, model_version)`;

/** Reference deciles of each version's features (missing values aside: they get their own bin, 10). */
export const featureEdgesSql = `
CREATE OR REPLACE TEMP TABLE monitor_feature_edges AS
SELECT f.model_version, f.feature, quantile_cont(f.value, ${DECILES}) AS edges
FROM (${featuresWithDates}) f JOIN monitor_reference r USING (model_version)
WHERE f.scored_date BETWEEN r.ref_from AND r.ref_to AND f.value IS NOT NULL
GROUP BY ALL`;

/** Feature bin counts (bin 10 = missing) and mean |contribution| per version, feature and period, and reference. */
export function featureBinsSql(grain: MonitoringGrain): string {
  const featureBin = `CASE WHEN f.value IS NULL THEN 10 ELSE ${bin("f.value", "e.edges")} END`;
  return `
WITH f AS (${featuresWithDates})
SELECT f.model_version, f.feature, ${periodSql("f.scored_date", grain)} AS period, ${featureBin} AS bin,
  count(*) AS n, sum(abs(f.contribution)) AS abs_contribution
FROM f JOIN monitor_feature_edges e USING (model_version, feature)
GROUP BY ALL
UNION ALL
SELECT f.model_version, f.feature, NULL AS period, ${featureBin} AS bin,
  count(*) AS n, sum(abs(f.contribution)) AS abs_contribution
FROM f JOIN monitor_feature_edges e USING (model_version, feature) JOIN monitor_reference r USING (model_version)
WHERE f.scored_date BETWEEN r.ref_from AND r.ref_to
GROUP BY ALL`;
}

/**
 * The expertised claims with their scores: decided ones (outcome 1 = abuse; justified and no-show are not abuses,
 * as in the ROI backtest) one row each, for AUC and calibration; pending ones summed per period (expected abuses =
 * the sum of their scores, what a calibrated score predicts).
 */
export function decidedSql(grain: MonitoringGrain): string {
  return `
SELECT s.model_version, ${periodSql("s.scored_date", grain)} AS period, s.claim_id, s.score,
  CASE WHEN x.outcome = 'abuse' THEN 1 ELSE 0 END AS y, x.selection = 'random' AS random_arm
FROM expertises x JOIN scores s USING (claim_id)
WHERE x.outcome <> 'pending'
ORDER BY s.model_version, period, s.claim_id`;
}

export function pendingSql(grain: MonitoringGrain): string {
  return `
SELECT s.model_version, ${periodSql("s.scored_date", grain)} AS period, count(*) AS pending, sum(s.score) AS expected_abuses
FROM expertises x JOIN scores s USING (claim_id)
WHERE x.outcome = 'pending'
GROUP BY ALL`;
}

/**
 * Mean contribution and value of each feature by score band (the reference deciles of the score), per period and
 * over every period together (period NULL), so the reader can ask what drove the top band in one month.
 */
export function contributionProfileSql(grain: MonitoringGrain): string {
  return `
WITH f AS (${featuresWithDates})
SELECT f.model_version, ${periodSql("f.scored_date", grain)} AS period, ${bin("f.score", "e.edges")} AS band, f.feature,
  count(*) AS claims, avg(f.contribution) AS mean_contribution, avg(abs(f.contribution)) AS mean_abs_contribution,
  avg(f.value) AS mean_value
FROM f JOIN monitor_score_edges e USING (model_version)
GROUP BY GROUPING SETS ((f.model_version, period, band, f.feature), (f.model_version, band, f.feature))
ORDER BY f.model_version, period NULLS FIRST, band, f.feature`;
}
