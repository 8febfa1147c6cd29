/**
 * The confusion matrix at the operating decision: actual (forged / genuine) by decided (flagged / not
 * flagged), with counts, shares of the row, totals, and the decision metrics beneath.
 */
import {formatMetric} from "../../lib/detectors/metrics.js";
import {formatCount, formatPercent, MISSING} from "../../lib/format.js";

export interface ConfusionData {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
  threshold?: number | null;
  decision_source?: string;
}

export function confusionMatrix(c: ConfusionData): HTMLElement {
  const root = document.createElement("div");
  root.className = "confusion-matrix";
  const table = document.createElement("table");
  table.style.cssText = "border-collapse:collapse;font-variant-numeric:tabular-nums;max-width:28rem";
  const total = c.tp + c.fp + c.tn + c.fn;
  const share = (n: number, of: number) => (of > 0 ? formatPercent(n / of, 1) : MISSING);
  const cell = (n: number, of: number, good: boolean, name: string) => {
    const td = document.createElement("td");
    td.dataset.cell = name;
    td.style.cssText = `padding:6px 12px;text-align:right;border:1px solid #ccc;background:${good ? "rgba(44,123,182," : "rgba(215,25,28,"}${of > 0 ? (0.08 + (0.5 * n) / of).toFixed(2) : 0.05})`;
    td.innerHTML = `<strong>${formatCount(n)}</strong><br><small>${share(n, of)} of row</small>`;
    td.title = name;
    return td;
  };
  const th = (text: string, scope?: string) => {
    const e = document.createElement("th");
    e.textContent = text;
    if (scope) e.scope = scope;
    e.style.cssText = "padding:4px 10px;text-align:right";
    return e;
  };
  const head = document.createElement("tr");
  head.append(th(""), th("Flagged", "col"), th("Not flagged", "col"), th("Total", "col"));
  const forged = document.createElement("tr");
  forged.append(
    th("Forged", "row"),
    cell(c.tp, c.tp + c.fn, true, "true positives"),
    cell(c.fn, c.tp + c.fn, false, "false negatives"),
    th(formatCount(c.tp + c.fn))
  );
  const genuine = document.createElement("tr");
  genuine.append(
    th("Genuine", "row"),
    cell(c.fp, c.fp + c.tn, false, "false positives"),
    cell(c.tn, c.fp + c.tn, true, "true negatives"),
    th(formatCount(c.fp + c.tn))
  );
  const totals = document.createElement("tr");
  totals.append(th("Total"), th(formatCount(c.tp + c.fp)), th(formatCount(c.fn + c.tn)), th(formatCount(total)));
  table.append(head, forged, genuine, totals);

  const facts = document.createElement("p");
  facts.className = "decision-metrics";
  facts.textContent = `Precision ${formatMetric(c.precision)} · recall ${formatMetric(c.recall)} · F1 ${formatMetric(c.f1)} · accuracy ${formatMetric(c.accuracy)}`;
  const source = document.createElement("p");
  source.style.cssText = "font-size:smaller;opacity:0.75";
  source.textContent = decisionText(c);
  root.append(table, facts, source);
  return root;
}

function decisionText(c: ConfusionData): string {
  const threshold = c.threshold === null || c.threshold === undefined ? null : String(c.threshold);
  switch (c.decision_source) {
    case "decision":
      return "Decisions as the detector made them (decision column).";
    case "threshold":
      return `Decision: score ≥ ${threshold} (manifest threshold).`;
    case "mixed":
      return `Decisions from the decision column, and score ≥ ${threshold} where it was empty.`;
    default:
      return "";
  }
}
