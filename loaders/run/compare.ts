/**
 * What changed between two deliveries' key figures (figures.ts): the alerts that are new, continuing or closed,
 * the segments whose A/E over the window moved most, the expertise-targeting optimum of each model version, the
 * detector cells whose metrics changed and the files whose rejected rows grew. Pure: the refresh's compare step,
 * `carnet diff`, the home page's loader and the alert feed all call it on figures they read.
 */
import type {RoiMove} from "../../src/lib/roi/optimum-move.ts";
import type {DeliveryAlert, FileFigure, KeyFigures, RoiFigure, SegmentFigure} from "./figures.ts";

export type AlertStatus = "new" | "continuing" | "closed";

export interface FeedAlert extends DeliveryAlert {
  status: AlertStatus;
}

export interface SegmentMove {
  dimension: string;
  guarantee: string;
  segment: string;
  previous_ae: number;
  ae: number;
  change: number;
}

export interface DetectorChange {
  detector: string;
  detector_version: string;
  dataset: string;
  change: "new" | "removed" | "changed";
  /** Metric name -> [previous, current], for the metrics that differ. */
  metrics: Record<string, [number | string | null, number | string | null]>;
}

export interface RejectGrowth extends FileFigure {
  previous_rejected: number;
}

export interface Changes {
  /** Snapshot date of the previous delivery, or null when there is none to compare with. */
  previous: string | null;
  alerts: {new: number; continuing: number; closed: number};
  feed: FeedAlert[];
  moved: SegmentMove[];
  roi: RoiMove[];
  detectors: DetectorChange[];
  rejects: RejectGrowth[];
}

/** Segments listed as having moved most. */
export const MOVED_SHOWN = 10;
/** Metrics compared per detector cell (the run id and dates change with every rerun, not the cell). */
const DETECTOR_METRICS = ["n", "positives", "auc", "average_precision", "precision", "recall", "f1", "accuracy"];
/** Relative difference below which two metric values are the same figure (floating-point noise). */
const SAME = 1e-9;

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b))
    : a === b;

/**
 * The alert feed: the current alerts, each new or continuing, then the previous delivery's alerts that are gone,
 * closed (with the figures they had). Without a previous delivery every alert is new.
 */
export function alertFeed(current: readonly DeliveryAlert[], previous: readonly DeliveryAlert[] | null): FeedAlert[] {
  const before = new Set((previous ?? []).map((a) => a.id));
  const now = new Set(current.map((a) => a.id));
  return [
    ...current.map((a): FeedAlert => ({...a, status: before.has(a.id) ? "continuing" : "new"})),
    ...(previous ?? []).filter((a) => !now.has(a.id)).map((a): FeedAlert => ({...a, status: "closed"}))
  ];
}

function segmentKey(s: Pick<SegmentFigure, "dimension" | "guarantee" | "segment">): string {
  return `${s.dimension}\u0000${s.guarantee}\u0000${s.segment}`;
}

/** Segments in both deliveries with an A/E in both, largest absolute change first. */
export function movedSegments(current: readonly SegmentFigure[], previous: readonly SegmentFigure[]): SegmentMove[] {
  const before = new Map(previous.map((s) => [segmentKey(s), s]));
  const moves: SegmentMove[] = [];
  for (const s of current) {
    const p = before.get(segmentKey(s));
    if (s.ae === null || p?.ae == null) continue;
    moves.push({
      dimension: s.dimension,
      guarantee: s.guarantee,
      segment: s.segment,
      previous_ae: p.ae,
      ae: s.ae,
      change: s.ae - p.ae
    });
  }
  return moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.segment.localeCompare(b.segment));
}

/**
 * Each model version of the current delivery with its expertise-targeting optimum (capacity and net savings at the
 * default cost and savings) beside the previous delivery's: what a monthly reader of the ROI page wants to know
 * first, since each delivery's decided expertises move the backtest.
 */
export function roiMoves(current: readonly RoiFigure[], previous: readonly RoiFigure[]): RoiMove[] {
  const before = new Map(previous.map((r) => [r.model_version, r]));
  return current.map((r) => {
    const p = before.get(r.model_version);
    return {
      model_version: r.model_version,
      previous_claims: p?.claims ?? null,
      claims: r.claims,
      previous_optimum_k: p?.optimum_k ?? null,
      optimum_k: r.optimum_k,
      previous_optimum_net_eur: p?.optimum_net_eur ?? null,
      optimum_net_eur: r.optimum_net_eur,
      previous_base_rate: p?.base_rate ?? null,
      base_rate: r.base_rate
    };
  });
}

type MatrixRow = KeyFigures["detectors"][number];
const cellKey = (r: MatrixRow) => `${r.detector}\u0000${r.detector_version}\u0000${r.dataset}`;

export function detectorChanges(current: readonly MatrixRow[], previous: readonly MatrixRow[]): DetectorChange[] {
  const before = new Map(previous.map((r) => [cellKey(r), r]));
  const now = new Map(current.map((r) => [cellKey(r), r]));
  const cell = (r: MatrixRow) => ({
    detector: String(r.detector),
    detector_version: String(r.detector_version),
    dataset: String(r.dataset)
  });
  const changes: DetectorChange[] = [];
  for (const [key, r] of now) {
    const p = before.get(key);
    const metrics: DetectorChange["metrics"] = {};
    for (const m of DETECTOR_METRICS)
      if (!p || !same(p[m], r[m])) metrics[m] = [p ? (p[m] ?? null) : null, r[m] ?? null];
    if (!p) changes.push({...cell(r), change: "new", metrics});
    else if (Object.keys(metrics).length) changes.push({...cell(r), change: "changed", metrics});
  }
  for (const [key, p] of before) if (!now.has(key)) changes.push({...cell(p), change: "removed", metrics: {}});
  return changes;
}

export function growingRejects(current: readonly FileFigure[], previous: readonly FileFigure[]): RejectGrowth[] {
  const before = new Map(previous.map((f) => [f.file, f.rows_rejected]));
  return current
    .filter((f) => f.rows_rejected > (before.get(f.file) ?? 0))
    .map((f) => ({...f, previous_rejected: before.get(f.file) ?? 0}));
}

/** Figures stored by an older Carnet (another version) are not compared: treated as no previous delivery. */
export function comparable(previous: KeyFigures | null, current: KeyFigures): KeyFigures | null {
  return previous && previous.version === current.version ? previous : null;
}

export function compareFigures(current: KeyFigures, previousFigures: KeyFigures | null): Changes {
  const previous = comparable(previousFigures, current);
  const feed = alertFeed(current.alerts, previous?.alerts ?? null);
  const count = (status: AlertStatus) => feed.filter((a) => a.status === status).length;
  return {
    previous: previous ? previous.snapshot_date : null,
    alerts: {new: count("new"), continuing: count("continuing"), closed: count("closed")},
    feed,
    moved: previous ? movedSegments(current.segments, previous.segments).slice(0, MOVED_SHOWN) : [],
    roi: previous ? roiMoves(current.roi, previous.roi) : [],
    detectors: previous ? detectorChanges(current.detectors, previous.detectors) : [],
    rejects: previous ? growingRejects(current.files, previous.files) : []
  };
}
