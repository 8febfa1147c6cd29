/**
 * The backtest by score decile: naive precision (every expertised claim of the decile, whatever chose it) beside
 * the random control arm's precision (unbiased but on few claims). Cells over fewer than 11 claims are masked.
 */
import {formatCount, formatPercent, formatScore, MASKED} from "../../lib/format/roi.js";
import type {Band} from "../../lib/roi/bands.ts";

export function decileTable(bands: readonly Band[], {minCell = 11}: {minCell?: number} = {}): HTMLTableElement {
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
    const shown = band.claims >= minCell;
    const randomShown = band.random_claims >= minCell;
    const cells = [
      String(band.band),
      `${formatScore(band.min_score)}–${formatScore(band.max_score)}`,
      formatCount(band.claims),
      shown ? formatCount(band.abuses) : MASKED,
      shown && band.naive_precision !== null ? formatPercent(band.naive_precision) : MASKED,
      band.random_claims === 0 || randomShown ? formatCount(band.random_claims) : `< ${minCell}`,
      band.random_claims === 0
        ? "—"
        : randomShown && band.random_precision !== null
          ? formatPercent(band.random_precision)
          : MASKED
    ];
    for (const text of cells) row.insertCell().textContent = text;
  }
  return table;
}
