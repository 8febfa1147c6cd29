import {describe, expect, it} from "vitest";
import type {BacktestClaim} from "../../../src/lib/roi/backtest.ts";
import {prepare} from "../../../src/lib/roi/explorer-model.ts";
import {backtestSummary, maskedCount, randomArmSentence} from "../../../src/lib/roi/explorer-text.ts";
import {MASK} from "../../../src/lib/secrecy.ts";

/** n claims, scores 1 - i/n, an abuse every fourth claim, the random arm on every other claim when asked. */
function claims(n: number, random: boolean): BacktestClaim[] {
  return Array.from({length: n}, (_, i) => ({
    key: i + 1,
    score: 1 - i / n,
    abuse: i % 4 === 0,
    saving: i % 4 === 0 ? 5000 : 0,
    arm: random && i % 2 === 0 ? "random" : "rule"
  }));
}

describe("the ROI explorer's summary line", () => {
  it("maskedCount(n) writes MASK for 1 to 10 claims, the count otherwise", () => {
    expect([0, 1, 10, 11, 1234].map(maskedCount)).toEqual(["0", MASK, MASK, "11", "1,234"]);
  });

  it("randomArmSentence(prepared) gives the random arm's unbiased abuse rate beside the backtest's", () => {
    // 40 claims, 10 abuses (25%); the random arm holds the 20 even claims, of which the 10 abuses (50%).
    expect(randomArmSentence(prepare(claims(40, true), {resamples: 10}))).toBe(
      "Random control arm: 20 claims, 50.0% abuses (unbiased), against 25.0% over the whole backtest."
    );
  });

  it("randomArmSentence(prepared) masks a random arm of fewer than 11 claims and says when there is none", () => {
    expect(randomArmSentence(prepare(claims(12, true), {resamples: 10}))).toBe(
      "Random control arm: fewer than 11 claims (masked)."
    );
    expect(randomArmSentence(prepare(claims(40, false), {resamples: 10}))).toContain("No random control arm");
  });

  it("backtestSummary(...) counts the backtest, masks the small counts left out and masks a small backtest", () => {
    const coverage = [
      {model_version: "v2", year: 2024, outcome: "pending", arm: "rule", scored: true, claims: 4},
      {model_version: "v2", year: 2024, outcome: "abuse", arm: "rule", scored: false, claims: 25},
      {model_version: "v2", year: 2019, outcome: "pending", arm: "rule", scored: true, claims: 99}
    ];
    const scope = {model: "v2", from: 2023, to: 2025};
    const text = backtestSummary(prepare(claims(40, false), {resamples: 10}), scope, coverage);
    expect(text).toContain(
      "Backtest: 40 expertised claims with a decided outcome and a v2 score, expertises ordered 2023–2025; 10 abuses (base rate 25.0%)."
    );
    expect(text).toContain(`Left out: ${MASK} pending, 25 without a v2 score.`);
    expect(backtestSummary(prepare(claims(8, false), {resamples: 10}), scope, [])).toContain(
      "figures masked (fewer than 11 claims)"
    );
  });
});
