/**
 * The drift report behind `carnet drift` and the page's loaders: A/E per segment and period with exact
 * intervals, and the alert list.
 */
import {driftAlerts, type DriftAlert} from "../../src/lib/drift/alerts.ts";
import type {CusumOptions} from "../../src/lib/drift/cusum.ts";
import {aeWithInterval} from "../../src/lib/drift/poisson.ts";
import {monthsBetween, type Grain} from "../../src/lib/periods.ts";
import type {Engine} from "../engine/engine.ts";
import {aeCells, type AeCell} from "./cells.ts";
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
