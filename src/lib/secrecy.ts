/**
 * Statistical secrecy, the one rule of every page and loader: an aggregate describing fewer than 11 insured (or
 * claims, or claimants: people behind the figure) is not shown (French practice for health data). Loaders mask
 * such cells before they write them; pages show MASK in their place. The analytics keep the exact numbers.
 */
export const MIN_INSURED = 11;

/** What a masked figure shows, everywhere. */
export const MASK = "< 11";

/** True when a figure computed over `count` people may be published. */
export function publishable(count: number | null | undefined): boolean {
  return count !== null && count !== undefined && count >= MIN_INSURED;
}

/** Why a figure is masked, for a tooltip or a note: "fewer than 11 insured". */
export function maskReason(people = "insured"): string {
  return `fewer than ${MIN_INSURED} ${people}`;
}
