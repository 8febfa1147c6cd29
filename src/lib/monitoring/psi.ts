/**
 * Population Stability Index of a score between a reference period and the current one, over bins fixed on the
 * reference's deciles: PSI = Σ (c_i - r_i) ln(c_i / r_i), r and c the bins' shares. It is Jeffreys' divergence, the
 * symmetrised Kullback-Leibler divergence KL(c‖r) + KL(r‖c) (Yurdakul 2018, "Statistical properties of population
 * stability index", PhD thesis, Western Michigan University). Browser-safe (no Node imports).
 *
 * The loaders send counts per bin (DuckDB SQL does the binning); this file turns them into shares and the index.
 */

/**
 * What is added to every bin's count of a sample that has an empty bin: 0.5, the Haldane-Anscombe correction used for
 * an empty cell of a log odds ratio. An empty bin would make its term infinite; the half count keeps it finite and
 * scales with the sample, so a small sample's empty bin (weak evidence) weighs less than a large one's: against a 10%
 * reference share, an empty bin (of 10) among 10,000 claims gets share 0.5 / 10,005 and a term of 0.76, among 50 claims
 * 0.5 / 55 and a term of 0.22. A fixed floor share (1e-4 is common) would give 0.69 in both cases. The other sample,
 * and any sample without an empty bin, keep their counts as they are.
 */
export const PSI_EMPTY_BIN_COUNT = 0.5;

export interface PsiBin {
  /** The bin's share of the reference sample, after the empty-bin correction if it applied to that sample. */
  reference_share: number;
  /** The bin's share of the current sample, likewise. */
  current_share: number;
  /** (current_share - reference_share) · ln(current_share / reference_share), never negative. */
  term: number;
}

export interface Psi {
  /** The index; null when either sample is empty (nothing to compare). */
  psi: number | null;
  /** One row per bin, in the order given; empty when the index is null. */
  bins: PsiBin[];
}

/** Shares of a sample's bins, with the empty-bin correction when one of its bins is empty. */
function shares(counts: readonly number[], total: number): number[] {
  const extra = counts.some((c) => c === 0) ? PSI_EMPTY_BIN_COUNT : 0;
  const denominator = total + extra * counts.length;
  return counts.map((c) => (c + extra) / denominator);
}

function checkCounts(name: string, counts: readonly number[]): number {
  let total = 0;
  for (const c of counts) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`psi: ${name} counts must be finite and >= 0, got ${c}`);
    total += c;
  }
  return total;
}

/**
 * The PSI of `current` against `reference`, both given as counts per bin (the same bins, in the same order; usually
 * 10, cut at the reference's deciles). Empty bins get the correction described at `PSI_EMPTY_BIN_COUNT`.
 */
export function psi(reference: readonly number[], current: readonly number[]): Psi {
  if (reference.length !== current.length) {
    throw new RangeError(`psi: ${reference.length} reference bins but ${current.length} current bins`);
  }
  const referenceTotal = checkCounts("reference", reference);
  const currentTotal = checkCounts("current", current);
  if (referenceTotal === 0 || currentTotal === 0) return {psi: null, bins: []};
  const r = shares(reference, referenceTotal);
  const c = shares(current, currentTotal);
  const bins = r.map((reference_share, i) => {
    const current_share = c[i];
    return {
      reference_share,
      current_share,
      term: (current_share - reference_share) * Math.log(current_share / reference_share)
    };
  });
  return {psi: bins.reduce((sum, bin) => sum + bin.term, 0), bins};
}

/**
 * The team's reading of the index: below 0.1 stable, from 0.1 moderate shift, from 0.2 significant shift. (0.1 / 0.25
 * is the other common rule of thumb in the scoring literature; pass your own thresholds to use it.)
 */
export const PSI_THRESHOLDS = {moderate: 0.1, significant: 0.2} as const;

export type PsiLevel = "stable" | "moderate" | "significant";

/** The level of a PSI value: a value equal to a threshold belongs to the level above. null when the PSI is null. */
export function psiLevel(
  value: number | null,
  thresholds: {moderate: number; significant: number} = PSI_THRESHOLDS
): PsiLevel | null {
  if (value === null) return null;
  if (value >= thresholds.significant) return "significant";
  if (value >= thresholds.moderate) return "moderate";
  return "stable";
}
