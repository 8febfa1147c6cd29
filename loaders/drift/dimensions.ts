/** The segment dimensions of drift monitoring and the staged column each one groups by. */
import {dimensions, type Dimension} from "../../src/lib/drift/dimensions.ts";
import {CarnetError} from "../errors.ts";

export {dimensionLabels, dimensions, segmentColumn, type Dimension} from "../../src/lib/drift/dimensions.ts";

export function parseDimension(value: string | undefined, fallback: Dimension = "contract"): Dimension {
  if (value === undefined) return fallback;
  if (!(dimensions as readonly string[]).includes(value)) {
    throw new CarnetError(`--by expects one of ${dimensions.join(", ")}, got "${value}"`);
  }
  return value as Dimension;
}
