/** Number formats of the ROI page (English text, euros). */
const integer = new Intl.NumberFormat("en-US", {maximumFractionDigits: 0});
const decimal1 = new Intl.NumberFormat("en-US", {maximumFractionDigits: 1, minimumFractionDigits: 1});

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Expected counts (not whole): one decimal. */
export function formatExpected(value: number): string {
  return decimal1.format(value);
}

export function formatEuros(value: number): string {
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${sign}${decimal1.format(abs / 1e6)} M€`;
  if (abs >= 1e4) return `${sign}${integer.format(abs / 1e3)} k€`;
  return `${sign}${integer.format(abs)} €`;
}

export function formatSignedEuros(value: number): string {
  return value > 0 ? `+${formatEuros(value)}` : formatEuros(value);
}

export function formatPercent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatScore(value: number | null): string {
  return value === null ? "—" : value.toFixed(4);
}

/** What a masked cell shows: statistical secrecy, fewer than 11 people. */
export const MASKED = "masked (< 11)";
