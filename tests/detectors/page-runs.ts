import type {RunSummary} from "../../src/lib/detectors/metrics.ts";

/** A run as the page holds it, with neutral defaults for what a test does not care about. */
export function pageRun(
  overrides: Partial<RunSummary> & Pick<RunSummary, "detector" | "detector_version" | "dataset">
): RunSummary {
  const id = overrides.id ?? `${overrides.detector}-${overrides.detector_version}-${overrides.dataset}`;
  return {
    id,
    run_id: id,
    dataset_version: "v1",
    threshold: 0.5,
    params: {},
    code_commit: "abc1234",
    started_at: "2026-03-02T10:12:00Z",
    current: true,
    n: 100,
    positives: 10,
    auc: 0.8,
    average_precision: 0.5,
    precision: 0.5,
    recall: 0.5,
    f1: 0.5,
    accuracy: 0.9,
    tp: 5,
    fp: 5,
    tn: 85,
    fn: 5,
    decision_source: "threshold",
    rows_read: 100,
    rows_accepted: 100,
    rows_rejected: 0,
    ...overrides
  };
}
