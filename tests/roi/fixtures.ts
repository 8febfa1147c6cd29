/**
 * The hand-worked backtest used across the ROI tests. Ranked by score, ties broken by key (B before C):
 *
 *   rank key score abuse saving  arm     cumHits cumSavings
 *   1    A   0.9   yes   8000    model   1       8000
 *   2    B   0.8   no    0       rule    1       8000
 *   3    C   0.8   yes   5000    rule    2       13000
 *   4    D   0.5   no    0       random  2       13000
 *   5    E   0.3   yes   7000    random  3       20000
 *   6    F   0.1   no    0       rule    3       20000
 *
 * 6 claims, 3 abuses: base rate 0.5.
 */
import type {BacktestClaim} from "../../src/lib/roi/backtest.ts";

export const handWorked: BacktestClaim[] = [
  // Deliberately not in rank order, and C listed before B, to show the ranking does not depend on input order.
  {key: "E", score: 0.3, abuse: true, saving: 7000, arm: "random"},
  {key: "C", score: 0.8, abuse: true, saving: 5000, arm: "rule"},
  {key: "A", score: 0.9, abuse: true, saving: 8000, arm: "model"},
  {key: "F", score: 0.1, abuse: false, saving: 0, arm: "rule"},
  {key: "B", score: 0.8, abuse: false, saving: 0, arm: "rule"},
  {key: "D", score: 0.5, abuse: false, saving: 0, arm: "random"}
];

/** The 2016 business baseline: 1,600 expertises, 100 abuses at 8,000 EUR saved each. */
export function businessBaseline(): BacktestClaim[] {
  return Array.from({length: 1600}, (_, i) => ({
    key: `c${String(i).padStart(4, "0")}`,
    score: 0.5,
    abuse: i % 16 === 0,
    saving: i % 16 === 0 ? 8000 : 0,
    arm: "rule" as const
  }));
}
