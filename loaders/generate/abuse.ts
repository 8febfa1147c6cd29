/**
 * The latent abuse propensity of a sick-leave claim and the model scores that try to read it.
 *
 * Each incapacity claim gets a log-odds of being abusive: a few visible traits (young, short tenure, non-cadre)
 * plus a large hidden part. Whether it *is* abusive is a Bernoulli draw on that probability; an expertise reveals
 * it. A model's score is a noisy monotone function of the log-odds (v2 less noisy than v1), squashed into [0, 1],
 * so its ranking power (ROC AUC ~0.77 for v1, ~0.81 for v2) is known and checked in truth.json.
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

export function abuseLogOdds(rng: Rng, traits: AbuseTraits): number {
  return (
    ABUSE_INTERCEPT +
    (traits.age < 30 ? 0.55 : traits.age < 40 ? 0.2 : 0) +
    (traits.tenureYears < 1 ? 0.5 : traits.tenureYears < 3 ? 0.2 : 0) +
    (traits.cadre ? -0.3 : 0) +
    ABUSE_HIDDEN_SD * rng.normal()
  );
}

/** A score in [0, 1], rounded to 4 decimals as written in scores.csv. */
export function modelScore(rng: Rng, logOdds: number, model: ModelVersion): number {
  const raw = sigmoid(0.9 * (logOdds + model.noise * rng.normal()) + 2.6);
  return Math.round(raw * 10_000) / 10_000;
}
