/**
 * The backtest by score decile: naive precision (every expertised claim of the decile, whatever chose it) beside
 * the random control arm's precision (unbiased but on few claims). Cells over fewer than 11 claims show MASK.
 */
import {formatCount, formatPercent, MISSING} from "../../lib/format.js";
import type {Band} from "../../lib/roi/bands.ts";
import {formatScore} from "../../lib/roi/format.js";
import {MASK, publishable} from "../../lib/secrecy.js";

export function decileTable(bands: readonly Band[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "roi-deciles";
  const head = table.createTHead().insertRow();
  for (const label of [
    "Decile",
    "Scores",
    "Claims",
    "Abuses",
    "Naive precision",
    "Random-arm claims",
    "Random-arm precision"
  ]) {
    const th = document.createElement("th");
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const band of bands) {
    if (!band.claims) continue;
    const row = body.insertRow();
    const shown = publishable(band.claims);
    const randomShown = publishable(band.random_claims);
    const cells = [
      String(band.band),
      `${formatScore(band.min_score)}–${formatScore(band.max_score)}`,
      formatCount(band.claims),
      shown ? formatCount(band.abuses) : MASK,
      shown && band.naive_precision !== null ? formatPercent(band.naive_precision, 1) : MASK,
      band.random_claims === 0 || randomShown ? formatCount(band.random_claims) : MASK,
      band.random_claims === 0
        ? MISSING
        : randomShown && band.random_precision !== null
          ? formatPercent(band.random_precision, 1)
          : MASK
    ];
    for (const text of cells) row.insertCell().textContent = text;
  }
  return table;
}
