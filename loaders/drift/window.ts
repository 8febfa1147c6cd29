/**
 * Drift's windows and working-table names, shared by the DuckDB path (prepare.ts) and the cluster path
 * (pushdown.ts): the analysis window from the claims' first and last months or the reader's dates, and the
 * reference window.
 */
import {CarnetError} from "../errors.ts";
import type {DateWindow} from "./sql/duckdb/exposure.ts";

export type {DateWindow};

export interface PrepareOptions {
  /** Analysis window; default from the first month with a claim to the end of the last month with one. */
  from?: string;
  to?: string;
  /** Reference window for the rates; default the first two full calendar years of the analysis window. */
  referenceFrom?: string;
  referenceTo?: string;
  /** The extract's snapshot date; the default window ends no later. */
  snapshotDate?: string;
  /** Extract folder: when it holds reference_rates.csv, those rates are used instead of estimated ones. */
  extractsDir?: string;
  /** Seasonal factors per calendar month (default true); false sets them all to 1. */
  seasonality?: boolean;
}

export interface DriftSetup {
  window: DateWindow;
  reference: DateWindow;
  referenceSource: "estimated" | "reference_rates.csv";
  guarantees: string[];
}

export const tables = {
  exposure: "drift_exposure",
  facts: "drift_claims",
  rates: "drift_rates",
  season: "drift_season",
  referenceExposure: "drift_reference_exposure",
  referenceFacts: "drift_reference_claims",
  /** ClickHouse path only: distinct insured per grain, dimension, period and segment, counted on the cluster. */
  insured: "drift_insured",
  /** Each insured's cover cut where an age band changes (embedded path, while the cubes are built). */
  pieces: "drift_pieces",
  referencePieces: "drift_reference_pieces",
  /** The contracts the page shows one by one (shown.ts). */
  shown: "drift_shown",
  /** The window's claim rows, contracts not shown folded, which the drill-down's cubes are summed from (drill.ts). */
  drillSource: "drift_drill_source"
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new CarnetError(`${name} expects a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** The window from the claims' first month and last month end (windowBoundsSql), for every engine. */
export function windowFromBounds(first: string | null, last: string | null, options: PrepareOptions): DateWindow {
  const from = checkDate("--from", options.from) ?? first;
  const snapshot = options.snapshotDate || null;
  const to = checkDate("--to", options.to) ?? (snapshot && last && snapshot < last ? snapshot : last);
  if (!from || !to) throw new CarnetError("drift: the extract holds no claims, so there is no period to analyse");
  if (from > to) throw new CarnetError(`drift: the window starts (${from}) after it ends (${to})`);
  return {from, to};
}

/** The first two full calendar years inside the window (or as much of them as the window holds). */
export function defaultReference(window: DateWindow): DateWindow {
  const startYear = Number(window.from.slice(0, 4)) + (window.from.slice(5) === "01-01" ? 0 : 1);
  const from = `${startYear}-01-01`;
  if (from > window.to) return window;
  const end = `${startYear + 1}-12-31`;
  return {from, to: end < window.to ? end : window.to};
}

/** The reference window: explicit dates, else defaultReference(window). */
export function referenceWindow(window: DateWindow, options: PrepareOptions): DateWindow {
  return {
    from: checkDate("--reference-from", options.referenceFrom) ?? defaultReference(window).from,
    to: checkDate("--reference-to", options.referenceTo) ?? defaultReference(window).to
  };
}
