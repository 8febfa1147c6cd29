/**
 * The latent abuse propensity of a sick-leave claim and the model scores that try to read it.
 *
 * Each incapacity claim gets a log-odds of being abusive: a few visible traits (young, short tenure, non-cadre)
 * plus a large hidden part. Whether it *is* abusive is a Bernoulli draw on that probability; an expertise reveals
 * it. A model's score is a noisy monotone function of the log-odds (v2 less noisy than v1), squashed into [0, 1],
 * so its ranking power (ROC AUC ~0.75 for v1, ~0.79 for v2 on seeds 1-25 at scale 1, before v2's planted drift:
 * features.ts) is known and checked in truth.json. A score's logit is drawn by `modelLogit`, rounded by `roundedScore`.
 */
import type {Rng} from "./random.ts";
import {sigmoid} from "./samplers.ts";

/** Calibrated so ~6% of the claims eligible for an expertise (still open after a month) are abusive. */
export const ABUSE_INTERCEPT = -4.15;
/** Spread of the hidden part of the log-odds. */
export const ABUSE_HIDDEN_SD = 1.25;

export interface ModelVersion {
  version: string;
  /** Noise added to the log-odds before squashing: more noise, lower AUC. */
  noise: number;
}

export const MODEL_VERSIONS: readonly ModelVersion[] = [
  {version: "v1", noise: 1.0},
  {version: "v2", noise: 0.6}
];

export interface AbuseTraits {
  age: number;
  tenureYears: number;
  cadre: boolean;
}

/** The visible traits' parts of the log-odds. */
export const ageTerm = (age: number) => (age < 30 ? 0.55 : age < 40 ? 0.2 : 0);
export const tenureTerm = (tenureYears: number) => (tenureYears < 1 ? 0.5 : tenureYears < 3 ? 0.2 : 0);
export const cadreTerm = (cadre: boolean) => (cadre ? -0.3 : 0);

export function abuseLogOdds(rng: Rng, traits: AbuseTraits): number {
  return (
    ABUSE_INTERCEPT +
    ageTerm(traits.age) +
    tenureTerm(traits.tenureYears) +
    cadreTerm(traits.cadre) +
    ABUSE_HIDDEN_SD * rng.normal()
  );
}

/** The hidden part of a claim's log-odds, as a standard normal draw (what the traits do not explain). */
export function hiddenPropensity(logOdds: number, traits: AbuseTraits): number {
  return (
    (logOdds - ABUSE_INTERCEPT - ageTerm(traits.age) - tenureTerm(traits.tenureYears) - cadreTerm(traits.cadre)) /
    ABUSE_HIDDEN_SD
  );
}

/** The logit of a model's score before rounding: the log-odds, blurred by the model's noise, rescaled. */
export function modelLogit(rng: Rng, logOdds: number, model: ModelVersion): number {
  return 0.9 * (logOdds + model.noise * rng.normal()) + 2.6;
}

/** A score in [0, 1] from its logit, rounded to 4 decimals as written in scores.csv. */
export function roundedScore(logit: number): number {
  return Math.round(sigmoid(logit) * 10_000) / 10_000;
}
