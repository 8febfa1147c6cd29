/**
 * The hazard model: yearly claim frequencies by guarantee as a function of the insured's profile, and the
 * monthly seasonality of sick leave. Claims are simulated from these rates and premiums are priced on them, so
 * outside the planted drifts the portfolio is stable (no calendar trend) and S/P sits near its target.
 */

/** Incapacity claims per insured-year for a 42-year-old, before profile and sector factors. */
export const INCAPACITY_BASE = 0.16;

/** Relative sick-leave frequency by calendar month (January first): a winter peak, a summer trough; mean 1. */
export const SEASONALITY: readonly number[] = normalise([
  1.32, 1.3, 1.15, 0.95, 0.9, 0.85, 0.76, 0.68, 0.95, 1.05, 1.1, 1.22
]);
export const SEASON_MAX = Math.max(...SEASONALITY);

export interface Profile {
  female: boolean;
  cadre: boolean;
  /** Sector multiplier on incapacity (see catalog.ts). */
  sectorFactor: number;
}

/** Incapacity frequency per year at a given age (rising about 2.2% a year of age), without season or drift. */
export function incapacityRate(age: number, profile: Profile): number {
  return (
    INCAPACITY_BASE *
    Math.exp(0.022 * (age - 42)) *
    (profile.female ? 1.12 : 0.9) *
    (profile.cadre ? 0.62 : 1.12) *
    profile.sectorFactor
  );
}

/** Disability (invalidité) frequency per year: about 0.4% at 45, rising steeply with age. */
export function disabilityRate(age: number): number {
  return 0.004 * Math.exp(0.06 * (age - 45));
}

/** Death frequency per year: about 0.15% at 45, doubling every ~8 years, lower for women. */
export function deathRate(age: number, female: boolean): number {
  return 0.0015 * Math.exp(0.085 * (age - 45)) * (female ? 0.6 : 1.35);
}

function normalise(values: number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => v / mean);
}
