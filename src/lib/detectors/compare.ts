/**
 * Two versions of one detector, dataset by dataset: the change in a metric (B minus A, higher is better for
 * every metric offered), and how many datasets improved, got worse, stayed equal or cannot be compared
 * (run with one version only, or metric undefined in either). Pure and browser-safe.
 */
import type {Metric, RunSummary} from "./metrics.js";

export interface DatasetDelta {
  dataset: string;
  a: number | null;
  b: number | null;
  /** b - a; null when either is missing or undefined. */
  delta: number | null;
  outcome: "improved" | "worse" | "unchanged" | "not comparable";
}

export interface VersionComparison {
  detector: string;
  versionA: string;
  versionB: string;
  metric: Metric;
  rows: DatasetDelta[];
  improved: number;
  worse: number;
  unchanged: number;
  notComparable: number;
}

/** Differences smaller than this are rounding, not change. */
const EPSILON = 1e-9;

export function compareVersions(
  runs: readonly RunSummary[],
  detector: string,
  versionA: string,
  versionB: string,
  metric: Metric,
  datasets?: readonly string[]
): VersionComparison {
  const current = runs.filter((r) => r.current && r.detector === detector);
  const value = (version: string, dataset: string) => {
    const run = current.find((r) => r.detector_version === version && r.dataset === dataset);
    return run ? run[metric] : null;
  };
  const names =
    datasets ??
    [
      ...new Set(
        current.filter((r) => r.detector_version === versionA || r.detector_version === versionB).map((r) => r.dataset)
      )
    ].sort();
  const rows = names.map((dataset): DatasetDelta => {
    const a = value(versionA, dataset);
    const b = value(versionB, dataset);
    const delta = a === null || b === null ? null : b - a;
    const outcome =
      delta === null ? "not comparable" : delta > EPSILON ? "improved" : delta < -EPSILON ? "worse" : "unchanged";
    return {dataset, a, b, delta, outcome};
  });
  const count = (o: DatasetDelta["outcome"]) => rows.filter((r) => r.outcome === o).length;
  return {
    detector,
    versionA,
    versionB,
    metric,
    rows,
    improved: count("improved"),
    worse: count("worse"),
    unchanged: count("unchanged"),
    notComparable: count("not comparable")
  };
}

/** Versions of a detector among current runs, oldest first ("2.10.0" after "2.9.1"). */
export function versionsOf(runs: readonly RunSummary[], detector: string): string[] {
  return [...new Set(runs.filter((r) => r.current && r.detector === detector).map((r) => r.detector_version))].sort(
    versionOrder
  );
}

export function versionOrder(a: string, b: string): number {
  const pa = a.replace(/^v/i, "").split(/[.\-+]/);
  const pb = b.replace(/^v/i, "").split(/[.\-+]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    if (x === "") return -1;
    if (y === "") return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
