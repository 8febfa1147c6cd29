/**
 * A delivery's key figures: what the run phase compares from one delivery to the next and what the data API
 * publishes. Computed once per delivery by the preparation (prepare/outputs.ts), from the same analytics as the
 * pages: drift alerts and A/E per segment over the analysis window, the ROI optimum per model version, every
 * detector x dataset metric, rows read, accepted and rejected per file. Aggregates only, masked as on the pages.
 */
import {existsSync} from "node:fs";
import type {DriftAlert} from "../../src/lib/drift/alerts.ts";
import {aeWithInterval} from "../../src/lib/drift/poisson.ts";
import {publishable} from "../../src/lib/secrecy.ts";
import {defaultEconomics} from "../catalog/value/expertise.ts";
import {detectorRuns, matrixCsvRows} from "../detectors/page-data.ts";
import {aeCells} from "../drift/cells.ts";
import {dimensions, type Dimension} from "../drift/dimensions.ts";
import {driftAlertsOn} from "../drift/drift.ts";
import type {DriftWorkspace} from "../drift/prepare.ts";
import type {Engine} from "../engine/engine.ts";
import type {ModelAlert} from "../monitoring/alerts.ts";
import {defaultCapacities, roiReport} from "../roi/report.ts";
import {modelVersions} from "../roi/scored-claims.ts";

/** Bump when the shape changes: a delivery's stored figures are compared only with figures of the same version. */
export const FIGURES_VERSION = 1;

/** The guarantee drift monitoring follows by segment (the guarantee dimension takes every guarantee). */
export const MONITORED_GUARANTEE = "incapacity";

export interface DeliveryAlert {
  /** Stable across deliveries for the same dimension, guarantee and segment (for a model: version, kind, feature). */
  id: string;
  dimension: Dimension | "model";
  guarantee: string;
  segment: string;
  onset: string;
  signal: string | null;
  reason: DriftAlert["reason"] | ModelAlert["kind"];
  /** Claims and expected claims since the onset; null when the alert describes fewer than 11 insured. */
  actual: number | null;
  expected: number | null;
  ae: number | null;
  excess_claims: number | null;
  excess_cost_eur: number | null;
  masked: boolean;
  /** What to look at (model alerts); null for drift alerts, whose page says it. */
  message: string | null;
}

export interface SegmentFigure {
  dimension: Dimension;
  guarantee: string;
  segment: string;
  exposure_years: number;
  actual: number;
  expected: number;
  ae: number | null;
  ae_low: number | null;
  ae_high: number | null;
}

export interface RoiFigure {
  model_version: string;
  claims: number;
  abuses: number | null;
  base_rate: number | null;
  break_even_precision: number | null;
  optimum_k: number | null;
  optimum_net_eur: number | null;
  /** Net savings at every tenth of the backtest and at the optimum. */
  grid: {k: number; precision: number; net_eur: number}[];
  masked: boolean;
}

export interface FileFigure {
  file: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
}

export interface KeyFigures {
  version: number;
  snapshot_date: string;
  window: {from: string; to: string} | null;
  alerts: DeliveryAlert[];
  segments: SegmentFigure[];
  roi: RoiFigure[];
  detectors: Record<string, string | number | null>[];
  files: FileFigure[];
}

export function alertId(dimension: string, guarantee: string, segment: string): string {
  return `drift:${dimension}:${guarantee}:${segment}`;
}

const guaranteesOf = (drift: DriftWorkspace, dimension: Dimension) =>
  dimension === "guarantee" ? drift.setup.guarantees : [MONITORED_GUARANTEE];

/** Each dimension's raw alerts, as the drift page raises them (monthly CUSUM and funnel, segment baseline). */
export async function alertsByDimension(drift: DriftWorkspace): Promise<Map<Dimension, DriftAlert[]>> {
  const out = new Map<Dimension, DriftAlert[]>();
  for (const dimension of dimensions) {
    if (dimension !== "guarantee" && !drift.setup.guarantees.includes(MONITORED_GUARANTEE)) continue;
    out.set(dimension, await driftAlertsOn(drift, {dimension, guarantee: MONITORED_GUARANTEE}));
  }
  return out;
}

/** The alerts as a delivery publishes them: identified, with their figures masked below 11 insured. */
export function deliveryAlerts(raw: Map<Dimension, DriftAlert[]>): DeliveryAlert[] {
  const out: DeliveryAlert[] = [];
  for (const [dimension, alerts] of raw) {
    const guarantee = dimension === "guarantee" ? "all" : MONITORED_GUARANTEE;
    for (const alert of alerts) {
      const masked = !publishable(alert.insured);
      const shown = (value: number) => (masked ? null : value);
      out.push({
        id: alertId(dimension, guarantee, alert.segment),
        dimension,
        guarantee,
        segment: alert.segment,
        onset: alert.onset,
        signal: alert.signal,
        reason: alert.reason,
        actual: shown(alert.actual),
        expected: shown(alert.expected),
        ae: masked ? null : alert.ae,
        excess_claims: shown(alert.excess_claims),
        excess_cost_eur: shown(alert.excess_cost_eur),
        masked,
        message: null
      });
    }
  }
  return out;
}

/**
 * A/E per segment over the whole window (the yearly cells summed), for every dimension. A segment none of whose
 * cells reaches 11 insured is left out, as on the page (page-data.ts withoutSmallSegments).
 */
export async function segmentFigures(drift: DriftWorkspace): Promise<SegmentFigure[]> {
  const out: SegmentFigure[] = [];
  for (const dimension of dimensions) {
    const sums = new Map<string, SegmentFigure & {insured: number}>();
    for (const cell of await aeCells(drift, dimension, "year", guaranteesOf(drift, dimension), "segment")) {
      const key = `${cell.guarantee}\u0000${cell.segment}`;
      const sum = sums.get(key) ?? {
        dimension,
        guarantee: cell.guarantee,
        segment: cell.segment,
        exposure_years: 0,
        actual: 0,
        expected: 0,
        ae: null,
        ae_low: null,
        ae_high: null,
        insured: 0
      };
      sum.exposure_years += cell.exposure_years;
      sum.actual += cell.actual;
      sum.expected += cell.expected;
      sum.insured = Math.max(sum.insured, cell.insured);
      sums.set(key, sum);
    }
    for (const {insured, ...sum} of sums.values())
      if (publishable(insured)) out.push({...sum, ...aeWithInterval(sum.actual, sum.expected)});
  }
  return out;
}

/** Per model version: the backtest's base rate, optimum and net savings at every tenth of its claims. */
export async function roiFigures(engine: Engine): Promise<RoiFigure[]> {
  const [scored] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM scores`);
  if (!scored?.n) return [];
  const out: RoiFigure[] = [];
  for (const {model_version} of await modelVersions(engine)) {
    const report = await roiReport(engine, {model: model_version, economics: defaultEconomics});
    const masked = !publishable(report.claims);
    out.push({
      model_version,
      claims: report.claims,
      abuses: masked ? null : report.abuses,
      base_rate: masked ? null : report.base_rate,
      break_even_precision: masked ? null : report.break_even_precision,
      optimum_k: masked ? null : report.best.k,
      optimum_net_eur: masked ? null : report.best.net_eur,
      grid: masked
        ? []
        : report.rows
            .filter((row) => defaultCapacities(report.claims, report.best.k).includes(row.k))
            .map((row) => ({k: row.k, precision: row.precision, net_eur: row.net_eur})),
      masked
    });
  }
  return out;
}

/**
 * A model alert in the delivery's alert list: the model version (and feature) as the segment, the kind as the
 * reason, the figure that raised it as `actual` and what it is compared with as `expected`.
 */
export function modelDeliveryAlert(alert: ModelAlert): DeliveryAlert {
  return {
    id: alert.id,
    dimension: "model",
    guarantee: "incapacity",
    segment: alert.feature ? `${alert.model_version}/${alert.feature}` : alert.model_version,
    onset: alert.onset,
    signal: alert.last,
    reason: alert.kind,
    actual: alert.value,
    expected: alert.threshold,
    ae: null,
    excess_claims: null,
    excess_cost_eur: null,
    masked: false,
    message: alert.message
  };
}

/** What the preparation computes (prepare/outputs.ts writes key-figures.json): everything but the detectors. */
export type PreparedFigures = Omit<KeyFigures, "detectors">;

/**
 * The detector matrix is read at the last moment, not prepared: detector runs are a folder of their own, outside
 * the staging key, with their own cache (detectors/page-data.ts).
 */
export async function withDetectors(figures: PreparedFigures, runs: string): Promise<KeyFigures> {
  return {...figures, detectors: existsSync(runs) ? matrixCsvRows(await detectorRuns(runs)) : []};
}
