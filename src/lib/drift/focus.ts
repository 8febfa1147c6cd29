/**
 * Which segment the page drills into: the one the reader picked (from the link, the funnel or the alert list)
 * while it still exists under the current inputs; else the alert costing the most; else the largest segment.
 */
import type {AlertRow, FunnelPoint, SegmentTotal} from "./view.js";

export interface FocusInputs {
  selected: string | null;
  totals: readonly SegmentTotal[];
  alerts: readonly AlertRow[];
  points: readonly FunnelPoint[];
}

/** The segment to show, or null when there is none. */
export function focusSegment({selected, totals, alerts, points}: FocusInputs): string | null {
  if (selected && totals.some((t) => t.segment === selected)) return selected;
  const costliest = alerts.find((a) => !a.masked);
  if (costliest) return costliest.segment;
  const largest = points.reduce<FunnelPoint | null>(
    (best, p) => (best && best.expected >= p.expected ? best : p),
    null
  );
  return largest?.segment ?? null;
}

/** The focused segment with its totals over the window and its alert, each null when there is none. */
export function segmentFocus(inputs: FocusInputs) {
  const segment = focusSegment(inputs);
  return {
    segment,
    total: inputs.totals.find((t) => t.segment === segment) ?? null,
    alert: inputs.alerts.find((a) => a.segment === segment) ?? null
  };
}
