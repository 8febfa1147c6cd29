/** Number formats shared by the catalog pages, the value report's written summary and its tests. */

/** Whole euros with thousands separators: 1234567.4 -> "1,234,567 EUR"; null -> "—". */
export function formatEur(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const rounded = Math.round(value);
  return `${(Object.is(rounded, -0) ? 0 : rounded).toLocaleString("en-US")} EUR`;
}

/** Compact euros for chart labels: 1234567 -> "1.2 M EUR", 412000 -> "412 k EUR", 950 -> "950 EUR". */
export function formatEurShort(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  // Rounded half up on the shown digit (4,050,000 -> 4.1 M), not by toFixed's binary rounding.
  if (abs >= 1e7) return `${Math.round(value / 1e6)} M EUR`;
  if (abs >= 1e6) return `${(Math.round(value / 1e5) / 10).toFixed(1)} M EUR`;
  if (abs >= 1e3) return `${Math.round(value / 1e3)} k EUR`;
  return `${Math.round(value)} EUR`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Math.round(value).toLocaleString("en-US");
}
