/**
 * Dates as whole days since 1970-01-01 (UTC): arithmetic is plain integer math, and formatting uses a table of
 * ISO strings built once, because millions of rows each format several dates.
 */
const MS_PER_DAY = 86_400_000;
const FIRST = dayOf("1900-01-01");
const LAST = dayOf("2100-12-31");

let isoTable: string[] | undefined;
let yearTable: Int16Array | undefined;
let monthTable: Int8Array | undefined;

export function dayOf(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function dayFromParts(year: number, month: number, date = 1): number {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

function build(): void {
  const n = LAST - FIRST + 1;
  isoTable = new Array<string>(n);
  yearTable = new Int16Array(n);
  monthTable = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const date = new Date((FIRST + i) * MS_PER_DAY);
    isoTable[i] = date.toISOString().slice(0, 10);
    yearTable[i] = date.getUTCFullYear();
    monthTable[i] = date.getUTCMonth();
  }
}

/** "YYYY-MM-DD" for a day number between 1900 and 2100. */
export function iso(day: number): string {
  if (!isoTable) build();
  if (day < FIRST || day > LAST) throw new RangeError(`day ${day} outside 1900..2100`);
  return isoTable![day - FIRST];
}

export function yearOf(day: number): number {
  if (!yearTable) build();
  return yearTable![day - FIRST];
}

/** Month 0..11. */
export function monthOf(day: number): number {
  if (!monthTable) build();
  return monthTable![day - FIRST];
}

/** Age in years (fractional) on a given day. */
export function ageOn(birthDay: number, day: number): number {
  return (day - birthDay) / 365.25;
}
