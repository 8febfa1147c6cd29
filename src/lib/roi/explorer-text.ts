/**
 * The sentence above the ROI explorer's cards: what the backtest holds, what it leaves out and what the random
 * control arm says. Pure (no DOM), so its masking is tested directly; counts of fewer than 11 claims are
 * written as MASK, as everywhere.
 */
import {formatCount, formatPercent} from "../format.js";
import {MASK, maskReason, publishable} from "../secrecy.js";
import type {Prepared} from "./explorer-model.js";

/** One row of the page context's coverage: claims per model, year, outcome and arm. */
export interface Coverage {
  model_version: string;
  year: number;
  outcome: string;
  arm: string;
  scored: boolean;
  claims: number;
}

export interface BacktestScope {
  model: string;
  from: number;
  to: number;
}

/** A count of claims, or MASK when it describes between 1 and 10 claims. */
export function maskedCount(n: number): string {
  return n > 0 && !publishable(n) ? MASK : formatCount(n);
}

/** The random arm's overall hit rate: the unbiased abuse rate among the claims expertises are ordered on. */
export function randomArmSentence(prepared: Prepared): string {
  const claims = prepared.bands.reduce((sum, b) => sum + b.random_claims, 0);
  const abuses = prepared.bands.reduce((sum, b) => sum + b.random_abuses, 0);
  if (!claims) return "No random control arm in this backtest: no unbiased estimate is available.";
  if (!publishable(claims)) return `Random control arm: ${maskReason("claims")} (masked).`;
  return `Random control arm: ${formatCount(claims)} claims, ${formatPercent(abuses / claims, 1)} abuses (unbiased), against ${formatPercent(prepared.bt.baseRate, 1)} over the whole backtest.`;
}

/** The backtest's scope, its abuses, the claims left out (pending, unscored) and the no-shows counted. */
export function backtestSummary(prepared: Prepared, scope: BacktestScope, coverage: readonly Coverage[]): string {
  const inScope = coverage.filter((c) => c.model_version === scope.model && c.year >= scope.from && c.year <= scope.to);
  const count = (test: (c: Coverage) => boolean) => inScope.filter(test).reduce((sum, c) => sum + c.claims, 0);
  const pending = count((c) => c.outcome === "pending");
  const unscored = count((c) => c.outcome !== "pending" && !c.scored);
  const noShow = count((c) => c.outcome === "no_show" && c.scored);
  const bt = prepared.bt;
  const abuses = publishable(bt.n)
    ? `${formatCount(bt.totalHits)} abuses (base rate ${formatPercent(bt.baseRate, 1)})`
    : `figures masked (${maskReason("claims")})`;
  return (
    `Backtest: ${formatCount(bt.n)} expertised claims with a decided outcome and a ${scope.model} score, expertises ordered ${scope.from}–${scope.to}; ${abuses}. ` +
    `Left out: ${maskedCount(pending)} pending, ${maskedCount(unscored)} without a ${scope.model} score. Counted as non-abuses: ${maskedCount(noShow)} no-shows. ` +
    randomArmSentence(prepared)
  );
}
