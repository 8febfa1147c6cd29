import {resolve} from "node:path";
import {extractsDir} from "../extracts/location.ts";

/** The detector-runs folder: an explicit choice, else CARNET_RUNS, else <extract folder>/detector-runs. */
export function runsDir(explicit?: string): string {
  if (explicit) return resolve(explicit);
  const configured = process.env.CARNET_RUNS;
  return configured ? resolve(configured) : resolve(extractsDir(), "detector-runs");
}
