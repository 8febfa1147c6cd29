/**
 * The ROI page's own number formats, beside the shared ones of ../format.js: expected counts (not whole) and
 * model scores. Everything else (counts, euros, shares) is written by ../format.js.
 */
import {formatNumber, MISSING} from "../format.js";

/** Expected counts (not whole): one decimal, "12.4". */
export function formatExpected(value: number | null | undefined): string {
  return formatNumber(value, 1);
}

/** A model score: four decimals, "0.8123"; no score: "–". */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : value.toFixed(4);
}
