/**
 * The drift report behind `carnet drift` and the page's loaders: A/E per segment and period with exact
 * intervals, and the alert list.
 */
import {driftAlerts, type DriftAlert} from "../../src/lib/drift/alerts.ts";
import type {CusumOptions} from "../../src/lib/drift/cusum.ts";
import {aeWithInterval} from "../../src/lib/drift/poisson.ts";
import {monthsBetween, type Grain} from "../../src/lib/periods.ts";
import type {Engine} from "../engine/engine.ts";
import {aeCells, aeCellsBySegments, type AeCell} from "./cells.ts";
import type {Dimension} from "./dimensions.ts";
import {withDrift, type DriftSetup, type DriftWorkspace, type PrepareOptions} from "./prepare.ts";
import type {Baseline} from "./sql/duckdb/ae-cells.ts";

export interface AeRow {
  segment: string;
  guarantee: string;
  period: string;
  exposure_years: number;
  insured: number;
  actual: number;
  expected: number;
  ae: number | null;
  ae_low: number | null;
  ae_high: number | null;
  cost_eur: number;
}

export function withInterval(cell: AeCell): AeRow {
  return {
    segment: cell.segment,
    guarantee: cell.guarantee,
    period: cell.period,
    exposure_years: cell.exposure_years,
    insured: cell.insured,
    actual: cell.actual,
    expected: cell.expected,
    ...aeWithInterval(cell.actual, cell.expected),
    cost_eur: cell.cost_eur
  };
}

export interface DriftReportOptions extends PrepareOptions, CusumOptions {
  dimension: Dimension;
  grain: Grain;
  /** Guarantee analysed; default incapacity. Ignored by the guarantee dimension, which takes them all. */
  guarantee?: string;
  /** What "expected" is measured against; default the segment's own reference-window level. */
  baseline?: Baseline;
}

export interface DriftReport {
  setup: DriftSetup;
  rows: AeRow[];
  alerts: DriftAlert[];
}

export async function driftReport(engine: Engine, options: DriftReportOptions): Promise<DriftReport> {
  return withDrift(engine, options, (drift) => driftReportOn(drift, options));
}

/** The report over an already prepared workspace (several reports can share one preparation). */
export async function driftReportOn(
  drift: DriftWorkspace,
  options: Omit<DriftReportOptions, keyof PrepareOptions>
): Promise<DriftReport> {
  const {setup} = drift;
  const guarantees = options.dimension === "guarantee" ? setup.guarantees : [options.guarantee ?? "incapacity"];
  const baseline = options.baseline ?? "segment";
  const rows = (await aeCells(drift, options.dimension, options.grain, guarantees, baseline)).map(withInterval);
  const monthly =
    options.grain === "month"
      ? rows
      : (await aeCells(drift, options.dimension, "month", guarantees, baseline)).map(withInterval);
  const months = monthsBetween(setup.window.from, setup.window.to);
  const alerts = driftAlerts(monthly, months, {gamma: options.gamma, h: options.h});
  return {setup, rows, alerts};
}

/** Segments per batch when only the alerts are wanted: a few thousand segments' months at a time. */
const ALERT_BATCH = 2000;

/**
 * The report's alerts alone (driftReportOn(...).alerts for the monthly grain), computed segment batch by segment
 * batch and without the rows' intervals: what the value report needs, at any number of contracts.
 */
export async function driftAlertsOn(
  drift: DriftWorkspace,
  options: Omit<DriftReportOptions, keyof PrepareOptions | "grain">,
  batch = ALERT_BATCH
): Promise<DriftAlert[]> {
  const {setup} = drift;
  const guarantees = options.dimension === "guarantee" ? setup.guarantees : [options.guarantee ?? "incapacity"];
  if (!guarantees.every((g) => setup.guarantees.includes(g)))
    return (await driftReportOn(drift, {...options, grain: "month"})).alerts;
  const months = monthsBetween(setup.window.from, setup.window.to);
  const alerts: DriftAlert[] = [];
  const batches = aeCellsBySegments(
    drift,
    options.dimension,
    "month",
    guarantees,
    options.baseline ?? "segment",
    batch
  );
  for await (const cells of batches)
    for (const alert of driftAlerts(cells, months, {gamma: options.gamma, h: options.h})) alerts.push(alert);
  // The order driftAlerts gives one batch, over all of them.
  return alerts.sort((a, b) => b.excess_cost_eur - a.excess_cost_eur || a.segment.localeCompare(b.segment));
}
