/**
 * The period a reader was looking at, carried across a change of grain or of model version: a month becomes the
 * quarter holding it, a quarter the latest month of it that the list has, and a period the list does not have
 * becomes null (every period together), as does null itself.
 */
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function quarterOf(month: string): string | null {
  const m = MONTH.exec(month);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : null;
}

export function carryPeriod(previous: string | null, periods: readonly string[]): string | null {
  if (previous === null) return null;
  if (periods.includes(previous)) return previous;
  const quarter = quarterOf(previous);
  if (quarter !== null) return periods.includes(quarter) ? quarter : null;
  if (QUARTER.test(previous)) {
    const months = periods.filter((p) => quarterOf(p) === previous).sort();
    return months.at(-1) ?? null;
  }
  return null;
}
