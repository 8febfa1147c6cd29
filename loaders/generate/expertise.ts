/**
 * Medical expertises ordered on open sick-leave claims, in three arms:
 * - `random`: a small control arm (a fixed share of eligible claims, whatever they look like), the only unbiased
 *   estimate of the abuse rate;
 * - `rule`: today's rule (long prescribed stoppages, young staff with short tenure), mediocre targeting;
 * - `model`: claims whose v1 score is in the top few percent, once the model is live.
 * A claim is eligible when its stoppage is prescribed long enough to still run a month after the order.
 * The outcome comes from the claim's hidden abuse flag: `abuse`, `justified`, `no_show` (~5%), or `pending`
 * when the doctor's report is not back at the snapshot date.
 */
import type {Rng} from "./random.ts";

export type Arm = "rule" | "model" | "random";
export const ARMS: readonly Arm[] = ["rule", "model", "random"];

/** Probabilities per eligible claim, tuned for ~1,500 expertises over five years at scale 1. */
export const RANDOM_RATE = 0.029;
export const RULE_RATE = 0.6;
export const MODEL_RATE = 0.33;
/** v1 score from which a claim counts as "top score" for the model arm (about the top 4% of eligible claims). */
export const MODEL_THRESHOLD = 0.6;
export const NO_SHOW_RATE = 0.05;
/** Days of stoppage that must remain after the order for an expertise to be worth it. */
export const MIN_REMAINING_DAYS = 14;

export interface Candidate {
  plannedDays: number;
  age: number;
  tenureYears: number;
  /** v1 score if the claim was scored on or before the order date, else null. */
  score: number | null;
  modelLive: boolean;
}

/** Picks the arm for an eligible claim, or null when no expertise is ordered. */
export function chooseArm(rng: Rng, claim: Candidate): Arm | null {
  if (rng.chance(RANDOM_RATE)) return "random";
  if (claim.modelLive && claim.score !== null && claim.score >= MODEL_THRESHOLD && rng.chance(MODEL_RATE))
    return "model";
  if (ruleMatches(claim) && rng.chance(RULE_RATE)) return "rule";
  return null;
}

/** Today's business rule: long prescribed stoppages, or young newcomers on a medium one. */
export function ruleMatches(claim: Candidate): boolean {
  return claim.plannedDays >= 90 || (claim.age < 32 && claim.tenureYears < 2 && claim.plannedDays >= 45);
}

/** Cost of one expertise: ~300 EUR, between 250 and 350. */
export function expertiseCost(rng: Rng): number {
  return Math.round(Math.min(350, Math.max(250, 300 + 25 * rng.normal())) * 100) / 100;
}
