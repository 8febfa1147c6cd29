/**
 * Reporting periods for drift monitoring: month, quarter or year, labelled "YYYY-MM", "YYYY-Qn" or "YYYY".
 * Browser-safe: pages import it as "./shared/periods.js".
 */
export type Grain = "month" | "quarter" | "year";
export const grains: readonly Grain[] = ["month", "quarter", "year"];

/** The label of the period of `grain` that starts on (or contains) the ISO date `date`. */
export function periodLabel(date: string, grain: Grain): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (grain === "month") return date.slice(0, 7);
  if (grain === "quarter") return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return year;
}

/** The first day of the period of `grain` holding the ISO date `date`. */
export function periodStart(date: string, grain: Grain): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (grain === "month") return `${date.slice(0, 7)}-01`;
  if (grain === "quarter") return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  return `${year}-01-01`;
}

/** Month labels "YYYY-MM" from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
