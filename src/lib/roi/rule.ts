/**
 * Today's selection: the `rule` arm. It has no ranking, so at the same number of expertises it is expected to
 * find k x its hit rate, and to save that many abuses x its own saving per abuse (or the override).
 */
import type {Backtest} from "./backtest.js";
import type {Economics} from "./economics.js";

export interface RuleArm {
  claims: number;
  abuses: number;
  savings_eur: number;
  /** abuses / claims; null without rule-arm claims. */
  precision: number | null;
}

export function ruleArm(bt: Backtest): RuleArm {
  let claims = 0;
  let abuses = 0;
  let savings = 0;
  for (let r = 0; r < bt.n; r++) {
    if (bt.arm[r] !== 0) continue;
    claims++;
    abuses += bt.abuse[r];
    savings += bt.saving[r];
  }
  return {claims, abuses, savings_eur: savings, precision: claims ? abuses / claims : null};
}

export interface RuleAtCapacity {
  k: number;
  hits: number;
  savings_eur: number;
  cost_eur: number;
  net_eur: number;
}

/** The rule arm scaled to k expertises; null when there is no rule arm to compare with. */
export function ruleAt(rule: RuleArm, k: number, eco: Economics): RuleAtCapacity | null {
  if (rule.precision === null) return null;
  const hits = k * rule.precision;
  const perAbuse = eco.savingPerAbuse ?? (rule.abuses ? rule.savings_eur / rule.abuses : 0);
  const savings = hits * perAbuse;
  const cost = k * eco.costPerExpertise;
  return {k, hits, savings_eur: savings, cost_eur: cost, net_eur: savings - cost};
}
