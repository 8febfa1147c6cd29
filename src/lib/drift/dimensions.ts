/**
 * The segment dimensions of drift monitoring and the column each one groups by, shared by the Node loaders
 * (SQL over the staged tables) and the page's in-browser drill-down (SQL over the per-claim table), which use
 * the same column names. Browser-safe.
 */
export const dimensions = ["contract", "sector", "region", "age_band", "job_category", "guarantee"] as const;
export type Dimension = (typeof dimensions)[number];

export const dimensionLabels: Record<Dimension, string> = {
  contract: "Contract",
  sector: "Sector (NAF)",
  region: "Region",
  age_band: "Age band",
  job_category: "Job category",
  guarantee: "Guarantee"
};

/**
 * The column that holds the segment. For `guarantee` the segment is the guarantee itself, which exposure does
 * not carry: the loaders' SQL takes it from the reference rates instead.
 */
export const segmentColumn: Record<Dimension, string> = {
  contract: "contract_id",
  sector: "sector_naf",
  region: "region",
  age_band: "age_band",
  job_category: "job_category",
  guarantee: "guarantee"
};
