/**
 * KPI cards of the ROI explorer: expertises, abuses found, net savings (with the bootstrap interval), ROI, and
 * the comparison with today's rule. Built once; `update` rewrites only their text, so a slider move costs a few
 * text nodes. Figures over fewer than 11 claims are masked (statistical secrecy).
 */
import {formatCount, formatEurCompact, formatPercent, formatSignedEurCompact, MISSING} from "../../lib/format.js";
import type {ExplorerView, EconomicsState} from "../../lib/roi/explorer-model.ts";
import {formatExpected, formatScore} from "../../lib/roi/format.js";
import {MASK, maskReason, publishable} from "../../lib/secrecy.js";

export interface KpiContext {
  /** Claims in the backtest. */
  n: number;
  state: EconomicsState;
  /** Rule-arm claims in the backtest (the comparison is masked below 11 claims). */
  ruleClaims: number;
  /** Random-arm claims in the bands the selection covers (the estimate is masked below 11 claims). */
  randomClaimsCovered: number;
}

export interface KpiCards extends HTMLElement {
  update(view: ExplorerView, context: KpiContext): void;
}

const CARDS = [
  ["expertises", "Expertises ordered"],
  ["abuses", "Abuses found"],
  ["net", "Net savings"],
  ["roi", "Return on cost"],
  ["rule", "Versus today's rule"]
] as const;

export function kpiCards(): KpiCards {
  const root = document.createElement("div") as unknown as KpiCards;
  root.className = "grid grid-cols-4 roi-kpis";
  const slots: Record<string, {value: HTMLElement; detail: HTMLElement}> = {};
  for (const [id, title] of CARDS) {
    const card = document.createElement("div");
    card.className = "card roi-kpi";
    card.dataset.kpi = id;
    const heading = document.createElement("h2");
    heading.textContent = title;
    const value = document.createElement("span");
    value.className = "big";
    const detail = document.createElement("div");
    detail.className = "roi-kpi-detail";
    card.append(heading, value, detail);
    root.append(card);
    slots[id] = {value, detail};
  }
  const set = (id: string, value: string, detail: string) => {
    slots[id].value.textContent = value;
    slots[id].detail.textContent = detail;
  };

  root.update = (view, context) => {
    const {point, interval, threshold, rule, randomEstimate} = view;
    const {state, n} = context;
    set(
      "expertises",
      formatCount(point.k),
      point.k
        ? `top ${formatPercent(n ? point.k / n : 0, 1)} of ${formatCount(n)} claims, score ≥ ${formatScore(threshold)}`
        : "none: no claim selected"
    );
    if (!publishable(point.k)) {
      const why = `masked: ${maskReason("claims")} selected`;
      set("abuses", MASK, why);
      set("net", MASK, `cost ${formatEurCompact(point.cost_eur)}`);
      set("roi", MASK, why);
    } else {
      const random =
        randomEstimate === null || !publishable(context.randomClaimsCovered)
          ? "random-arm estimate: not available (too few random-arm claims)"
          : `random-arm estimate: ${formatExpected(randomEstimate)} (${formatPercent(randomEstimate / point.k, 1)})`;
      set(
        "abuses",
        formatCount(point.hits),
        `90% interval ${formatExpected(interval.hits.low)}–${formatExpected(interval.hits.high)} · precision ${formatPercent(point.precision, 1)} (naive, expertised claims) · ${random}`
      );
      set(
        "net",
        formatEurCompact(point.net_eur),
        `90% interval ${formatEurCompact(interval.net_eur.low)} to ${formatEurCompact(interval.net_eur.high)} · saved ${formatEurCompact(point.savings_eur)} − cost ${formatEurCompact(point.cost_eur)}`
      );
      set(
        "roi",
        point.cost_eur ? formatPercent(point.roi, 0) : MISSING,
        `break-even precision ${formatPercent(state.breakEven, 2)} · optimum ${formatCount(state.optimum.k)} expertises (${formatEurCompact(state.optimum.net_eur)})`
      );
    }
    if (!rule) set("rule", MISSING, "no rule-arm claims to compare with");
    else if (!publishable(context.ruleClaims) || !publishable(point.k)) set("rule", MASK, maskReason("claims"));
    else
      set(
        "rule",
        formatSignedEurCompact(point.net_eur - rule.net_eur),
        `net vs the rule at ${formatCount(point.k)} expertises: ${formatExpected(rule.hits)} abuses, ${formatEurCompact(rule.net_eur)} net (rule hit rate ${formatPercent(rule.hits / Math.max(1, point.k), 1)})`
      );
  };
  return root;
}
