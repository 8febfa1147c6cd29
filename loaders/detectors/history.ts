/**
 * When several runs share detector, version and dataset, the newest (started_at) is the one shown and the
 * others are history. Ties on started_at are broken by run_id so the choice never depends on folder order.
 */
import type {RunManifest} from "../../src/lib/detectors/types.ts";

export function cellKey(m: Pick<RunManifest, "detector" | "detector_version" | "dataset">): string {
  return JSON.stringify([m.detector, m.detector_version, m.dataset]);
}

/** Marks the newest run of each cell as current; returns a flag per input, in input order. */
export function currentFlags(
  manifests: readonly Pick<RunManifest, "detector" | "detector_version" | "dataset" | "started_at" | "run_id">[]
): boolean[] {
  const newest = new Map<string, number>();
  manifests.forEach((m, i) => {
    const key = cellKey(m);
    const best = newest.get(key);
    if (best === undefined || newer(m, manifests[best])) newest.set(key, i);
  });
  const current = new Set(newest.values());
  return manifests.map((_, i) => current.has(i));
}

function newer(a: Pick<RunManifest, "started_at" | "run_id">, b: Pick<RunManifest, "started_at" | "run_id">): boolean {
  const ta = Date.parse(a.started_at);
  const tb = Date.parse(b.started_at);
  if (ta !== tb) return ta > tb;
  return a.run_id > b.run_id;
}

/** Compares version strings part by part, numerically where both parts are numbers ("2.10.0" after "2.9.1").
 * One definition for Node and browser: it lives with the browser-safe comparison code. */
export {versionOrder as compareVersions} from "../../src/lib/detectors/compare.ts";
