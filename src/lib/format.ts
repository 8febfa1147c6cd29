/**
 * How Carnet writes numbers, the same on every page, in the value report and in the CLI's text: English grouping
 * ("1,234,567"), euros as "1,234,567 €" in full or "1.2 M€" / "412 k€" compact, a proper minus sign, and "–" for
 * a figure that does not exist (null, NaN). Masked figures are written with MASK from ./secrecy.js.
 */
export const MISSING = "–";

const isNumber = (value: number | null | undefined): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/** Rounds half away from zero on the shown digit (4,050,000 -> 4.1 M), not by the binary value's digits. */
function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON * factor)) / factor;
}

/** 1234567.8 -> "1,234,568"; with digits 2: "1,234,567.80". Negative values take "−" (U+2212). */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (!isNumber(value)) return MISSING;
  const rounded = round(value, digits);
  const text = Math.abs(rounded).toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  });
  return rounded < 0 ? `\u2212${text}` : text;
}

/** Whole counts: "12,345". */
export function formatCount(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

/** Ratios such as A/E or S/P: two decimals, "1.27". */
export function formatRatio(value: number | null | undefined): string {
  return formatNumber(value, 2);
}

/** A share: 0.1234 -> "12%" (digits 1: "12.3%"). */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  return isNumber(value) ? `${formatNumber(value * 100, digits)}%` : MISSING;
}

/** Euros in full, for tables and text: "1,234,567 €". */
export function formatEur(value: number | null | undefined): string {
  return isNumber(value) ? `${formatNumber(value, 0)} €` : MISSING;
}

/** Euros compact, for charts, cards and headlines: "12 M€", "1.2 M€", "412 k€", "950 €". */
export function formatEurCompact(value: number | null | undefined): string {
  if (!isNumber(value)) return MISSING;
  const abs = Math.abs(value);
  if (abs >= 1e7) return `${formatNumber(value / 1e6, 0)} M€`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6, 1)} M€`;
  if (abs >= 1e4) return `${formatNumber(value / 1e3, 0)} k€`;
  return formatEur(value);
}

/** A change in euros with its sign: "+1.2 M€", "−412 k€". */
export function formatSignedEurCompact(value: number | null | undefined): string {
  return isNumber(value) && round(value, 0) > 0 ? `+${formatEurCompact(value)}` : formatEurCompact(value);
}
