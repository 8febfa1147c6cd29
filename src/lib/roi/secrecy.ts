/**
 * Statistical secrecy: an aggregate describing fewer than 11 people is not shown (French practice for health
 * data). Pages mask such cells; the analytics keep the exact numbers.
 */
export const MIN_CELL = 11;

/** True when a figure computed over `count` people may be published. */
export function publishable(count: number): boolean {
  return count >= MIN_CELL;
}
