/**
 * What the scoring pipeline knows of a sick-leave claim when it scores it (the features), and how each model
 * version's score splits into per-feature contributions to its logit, for models.csv and score_features.csv.
 *
 * The scores themselves are drawn as before (abuse.ts: a noisy view of the claim's hidden log-odds), so every
 * score stays what it was (but v2's from the planted drift on, below); the features and contributions are drawn
 * to explain them:
 * - the visible traits (age, tenure, job category) are the log-odds' own terms;
 * - two features read the hidden propensity through noise: the prescriber's sick-leave ratio (both versions) and
 *   the short absences the employer declared through the payroll feed, DSN (v2 only, which is why v2 ranks better);
 * - the others come from the claim as simulated (planned days, declaration delay, weekday, prior stoppages).
 * Each version is an additive model: a base value plus a main effect per feature, plus the part of the logit the
 * main effects leave unexplained (the model's interactions and noise), shared between the features in fixed
 * proportions, like the interaction terms of tree SHAP values. The contributions therefore sum to the written
 * score's logit minus the base value by construction; see `explain` for how that holds to the written digits.
 *
 * The planted model drift (truth.json `model_drift`): from a month drawn from the seed, the payroll feed records
 * short absences in hours (7 per day) instead of days. v2 reads 7 times larger values, its main effect for that
 * feature saturates, its scores rise and its ranking degrades; v1 does not use the feature and is untouched.
 */
import {ageTerm, cadreTerm, hiddenPropensity, tenureTerm, type AbuseTraits} from "./abuse.ts";
import {dayFromParts} from "./dates.ts";
import {Rng} from "./random.ts";
import {poisson} from "./samplers.ts";

export type FeatureName =
  | "age"
  | "tenure_years"
  | "cadre"
  | "planned_days"
  | "prior_claims_12m"
  | "start_weekday"
  | "declaration_delay_days"
  | "prescriber_ratio"
  | "dsn_absence_days_12m";

/** A claim's feature values as the scoring pipeline received them (null: missing). */
export type FeatureValues = Record<FeatureName, number | null>;

export interface ModelCard {
  version: string;
  trainedFrom: string;
  /** Last day of the training window: the card is known (written) from this day on. */
  trainedTo: string;
  deployedDate: string;
  /** ROC AUC at validation: the AUC its scores reach on claims (truth.json's realised AUC, over seeds). */
  validationAuc: number;
  /** Logit of the score of a claim whose contributions are all 0: about the mean logit of its scores. */
  baseValue: number;
  features: readonly FeatureName[];
  /** Share of the unexplained part of the logit each feature carries (same order as `features`, sum 1). */
  shares: readonly number[];
  /** The feature whose contribution absorbs the digits lost in writing the others. */
  designated: FeatureName;
  description: string;
}

/**
 * The model cards. Both versions have scores from MODEL_START (2023-01-01): v1, trained before, chooses the
 * `model` expertise arm from then on; v2, trained with the payroll feed on a window ending mid-2023, was
 * backtested on the claims of 2023 (its scores of the first half-year lie in its training window, the reference
 * the monitoring compares later months to) and deployed on 2024-01-01. A card is known from the end of its
 * training window: a delivery as of an earlier day has no card, and no feature rows, for that version.
 */
export const MODEL_CARDS: readonly ModelCard[] = [
  {
    version: "v1",
    trainedFrom: "2021-01-01",
    trainedTo: "2022-06-30",
    deployedDate: "2023-01-01",
    validationAuc: 0.75,
    baseValue: -0.97,
    features: ["age", "tenure_years", "cadre", "planned_days", "prior_claims_12m", "start_weekday", "prescriber_ratio"],
    shares: [0.08, 0.08, 0.04, 0.1, 0.05, 0.05, 0.6],
    designated: "prescriber_ratio",
    description:
      "Gradient-boosted trees on the claim and its sick-leave certificate; selects the model expertise arm since 2023-01-01."
  },
  {
    version: "v2",
    trainedFrom: "2021-07-01",
    trainedTo: "2023-06-30",
    deployedDate: "2024-01-01",
    validationAuc: 0.79,
    baseValue: -0.98,
    features: [
      "age",
      "tenure_years",
      "cadre",
      "planned_days",
      "prior_claims_12m",
      "declaration_delay_days",
      "prescriber_ratio",
      "dsn_absence_days_12m"
    ],
    shares: [0.06, 0.06, 0.03, 0.08, 0.04, 0.03, 0.35, 0.35],
    designated: "prescriber_ratio",
    description:
      "v1 retrained with the payroll feed (DSN short absences) and the declaration delay, without the weekday; backtested on the claims of 2023 as challenger, then deployed."
  }
];

const cards = new Map(MODEL_CARDS.map((card) => [card.version, card]));

/** The model card of a version. */
export function cardOf(version: string): ModelCard {
  const card = cards.get(version);
  if (!card) throw new Error(`no model card for model version ${version}`);
  return card;
}

/** Short absences recorded in hours by the migrated payroll feed: hours per day of absence. */
export const HOURS_PER_DAY = 7;
/** The drifting version and feature. */
export const MODEL_DRIFT_VERSION = "v2";
export const MODEL_DRIFT_FEATURE: FeatureName = "dsn_absence_days_12m";
/** Candidate months for the drift: after v2's deployment, with at least ten months of scores after it. */
const DRIFT_MONTHS = ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"] as const;

export interface ModelDrift {
  version: string;
  feature: FeatureName;
  /** YYYY-MM, first month scored with the drift. */
  from: string;
  /** First day scored with the drift. */
  fromDay: number;
  description: string;
}

/** The planted model drift of a seed: its month is drawn from a stream of its own. */
export function planModelDrift(seed: number): ModelDrift {
  const from = DRIFT_MONTHS[new Rng(seed, "model-drift").int(0, DRIFT_MONTHS.length - 1)];
  const [year, month] = from.split("-").map(Number);
  return {
    version: MODEL_DRIFT_VERSION,
    feature: MODEL_DRIFT_FEATURE,
    from,
    fromDay: dayFromParts(year, month),
    description:
      `From ${from} the payroll (DSN) feed, migrated to a new format, records short absences in hours ` +
      `(${HOURS_PER_DAY} per day) instead of days, so ${MODEL_DRIFT_FEATURE} is ${HOURS_PER_DAY} times larger; ` +
      `${MODEL_DRIFT_VERSION}, the only version using it, scores higher and ranks abuses worse. v1 is unaffected.`
  };
}

/** What the simulation knows of a claim on its scoring day. */
export interface ScoredClaim {
  claimId: string;
  traits: AbuseTraits;
  logOdds: number;
  plannedDays: number;
  /** Days from the first day of stoppage to the declaration. */
  declarationDelay: number;
  /** First day of stoppage (days since 1970-01-01). */
  day: number;
  /** The insured's sick-leave stoppages that started in the 12 months before and were declared by the scoring day. */
  priorClaims: number;
}

/**
 * The claim's feature values, from its own random stream (so drawing them never shifts the simulation's draws).
 * The prescriber ratio and the payroll absences follow the claim's hidden propensity through noise.
 */
export function claimFeatures(seed: number, claim: ScoredClaim): FeatureValues {
  const rng = new Rng(seed, "features", claim.claimId);
  const hidden = hiddenPropensity(claim.logOdds, claim.traits);
  // Every draw is made whatever the outcome, so the stream's use never depends on the values.
  const prescriberNoise = rng.normal();
  const prescriberMissing = rng.chance(0.04);
  const dsnNoise = rng.normal();
  const dsnMissing = rng.chance(0.05);
  const prescriber = Math.exp(0.35 * (0.55 * hidden + 0.835 * prescriberNoise));
  const dsnDays = poisson(rng, Math.exp(0.6 + 0.55 * (0.65 * hidden + 0.76 * dsnNoise)));
  return {
    age: Math.floor(claim.traits.age),
    tenure_years: Math.round(claim.traits.tenureYears * 10) / 10,
    cadre: claim.traits.cadre ? 1 : 0,
    planned_days: claim.plannedDays,
    prior_claims_12m: claim.priorClaims,
    // ISO weekday, 1 = Monday: day 0 (1970-01-01) was a Thursday.
    start_weekday: ((claim.day + 3) % 7) + 1,
    declaration_delay_days: claim.declarationDelay,
    prescriber_ratio: prescriberMissing ? null : Math.round(prescriber * 100) / 100,
    dsn_absence_days_12m: dsnMissing ? null : dsnDays
  };
}

/** The values as the drifting pipeline delivers them from the drift month on (the absences in hours). */
export function driftedFeatures(values: FeatureValues): FeatureValues {
  const days = values[MODEL_DRIFT_FEATURE];
  return {...values, [MODEL_DRIFT_FEATURE]: days === null ? null : days * HOURS_PER_DAY};
}

/** Cap of the payroll absences in the models (values above it were winsorised in training). */
const DSN_CAP = 15;

/**
 * Main effect of a feature on a version's logit, centred near 0 on the scored claims. A missing value gets 0
 * (the models impute the mean).
 */
function mainEffect(version: string, feature: FeatureName, value: number | null): number {
  if (value === null) return 0;
  const v2 = version === "v2";
  switch (feature) {
    case "age":
      return 0.9 * (ageTerm(value) - 0.145);
    case "tenure_years":
      return 0.9 * (tenureTerm(value) - 0.08);
    case "cadre":
      return 0.9 * (cadreTerm(value === 1) + 0.036);
    case "planned_days":
      return (v2 ? 0.22 : 0.18) * (Math.log(value) - 3.5);
    case "prior_claims_12m":
      return (v2 ? 0.1 : 0.12) * (Math.min(value, 3) - 0.2);
    case "start_weekday":
      return value === 1 ? 0.08 : value === 5 ? 0.05 : -0.03;
    case "declaration_delay_days":
      return 0.015 * (Math.min(value, 30) - 6.3);
    case "prescriber_ratio":
      return (v2 ? 1.5 : 1.75) * Math.log(value);
    case "dsn_absence_days_12m":
      return 0.25 * (Math.min(value, DSN_CAP) - 2.15);
  }
}

/** Digits of a written contribution: 10 decimals, so sums hold to ~1e-10. */
const DIGITS = 10;

/** The logit of a score as written (4 decimals). */
export function logit(score: number): number {
  return Math.log(score / (1 - score));
}

/**
 * The contributions, as written, of a version's features to the logit of a claim's score as written: main effect
 * plus the feature's share of the rest (the written score's logit minus base value and main effects), so the
 * rounding of the score to 4 decimals is shared like the rest. Each contribution is written with 10 decimals; the
 * designated one is then recomputed as the target minus the others *as written*, so the written contributions sum
 * to logit(score) - base_value within half a unit of the 10th decimal, whatever the others' rounding.
 * Returns null for a score of exactly 0 or 1, whose logit does not exist.
 */
export function explain(card: ModelCard, values: FeatureValues, score: number): string[] | null {
  if (score <= 0 || score >= 1) return null;
  const target = logit(score) - card.baseValue;
  const mains = card.features.map((feature) => mainEffect(card.version, feature, values[feature]));
  const rest = target - mains.reduce((a, b) => a + b, 0);
  const written = mains.map((main, j) => (main + card.shares[j] * rest).toFixed(DIGITS));
  const designated = card.features.indexOf(card.designated);
  let others = 0;
  written.forEach((text, j) => {
    if (j !== designated) others += Number(text);
  });
  written[designated] = (target - others).toFixed(DIGITS);
  return written;
}

/** A feature value as written: empty when missing. */
export function valueText(value: number | null): string {
  return value === null ? "" : String(value);
}

/** How much the drifted values move a version's logit: the change of the drifting feature's main effect. */
export function driftShift(card: ModelCard, values: FeatureValues, drifted: FeatureValues): number {
  if (!card.features.includes(MODEL_DRIFT_FEATURE)) return 0;
  return (
    mainEffect(card.version, MODEL_DRIFT_FEATURE, drifted[MODEL_DRIFT_FEATURE]) -
    mainEffect(card.version, MODEL_DRIFT_FEATURE, values[MODEL_DRIFT_FEATURE])
  );
}
