/**
 * The period a reader was looking at, carried across a change of grain or of model version: a month becomes the
 * quarter holding it, a quarter the latest month of it that the list has, and a period the list does not have
 * becomes null (every period together), as does null itself.
 */
import {periodLabel} from "../periods.js";

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The quarter label of a month label (the drift pages' periodLabel), null for anything that is not a month. */
export function quarterOf(month: string): string | null {
  return MONTH.test(month) ? periodLabel(`${month}-01`, "quarter") : null;
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

/** The last day (ISO date) of a month "2024-11" or a quarter "2024-Q4"; null for anything else. */
export function periodEnd(period: string): string | null {
  const month = MONTH.exec(period);
  const quarter = QUARTER.exec(period);
  if (!month && !quarter) return null;
  const year = Number((month ?? quarter)![1]);
  const lastMonth = month ? Number(month[2]) : Number(quarter![2]) * 3;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
  const end = new Date(Date.UTC(year, lastMonth, 0));
  return end.toISOString().slice(0, 10);
}

/** A period is complete when the data reaches its last day (a delivery cut mid-month leaves its month partial). */
export function isComplete(period: string, dataUntil: string): boolean {
  const end = periodEnd(period);
  return end !== null && end <= dataUntil;
}
