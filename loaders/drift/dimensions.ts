/** The segment dimensions of drift monitoring and the staged column each one groups by. */
import {CarnetError} from "../cli/errors.ts";

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
 * The column of the exposure and claim fact tables that holds the segment. For `guarantee` the segment is
 * the guarantee itself, which exposure does not carry: the SQL takes it from the reference rates instead.
 */
export const segmentColumn: Record<Dimension, string> = {
  contract: "contract_id",
  sector: "sector_naf",
  region: "region",
  age_band: "age_band",
  job_category: "job_category",
  guarantee: "guarantee"
};

export function parseDimension(value: string | undefined, fallback: Dimension = "contract"): Dimension {
  if (value === undefined) return fallback;
  if (!(dimensions as readonly string[]).includes(value)) {
    throw new CarnetError(`--by expects one of ${dimensions.join(", ")}, got "${value}"`);
  }
  return value as Dimension;
}
