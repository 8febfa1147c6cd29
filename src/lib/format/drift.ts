/** Number formats of the claims-drift page (English, thin grouping), and the mark shown for masked figures. */
export const MASK = "< 11";

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return value.toLocaleString("en-GB", {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

export function formatRatio(value: number | null | undefined): string {
  return formatNumber(value, 2);
}

export function formatEur(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${formatNumber(value / 1e6, 2)} M€`;
  if (abs >= 1e4) return `${formatNumber(value / 1e3, 0)} k€`;
  return `${formatNumber(value, 0)} €`;
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${formatNumber(value * 100, 0)}%`;
}
