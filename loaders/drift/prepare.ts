/**
 * Stages the working tables of drift analysis in the engine: exposure and claim facts per period grain,
 * and the reference rates. Every later query (A/E cells, loss ratio, drill-down) reads these tables.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {CarnetError} from "../errors.ts";
import type {Engine} from "../engine/engine.ts";
import {createClaimFactsSql} from "./sql/duckdb/claim-facts.ts";
import {createExposureSql, type DateWindow} from "./sql/duckdb/exposure.ts";
import {
  createReferenceRatesFromCsvSql,
  createReferenceRatesSql,
  createSeasonSql
} from "./sql/duckdb/reference-rates.ts";
import {preparePushedDown} from "./pushdown.ts";

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
  insured: "drift_insured"
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new CarnetError(`${name} expects a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The analysis window: explicit dates, else the first month with a claim up to the snapshot. */
export async function resolveWindow(engine: Engine, options: PrepareOptions): Promise<DateWindow> {
  // Claims stop at the extract's period end, which can precede the snapshot: the default window ends with the
  // last month holding a claim (or at the snapshot, if earlier), so trailing months without data do not count.
  const [{first, last}] = await engine.all<{first: string | null; last: string | null}>(
    `SELECT strftime(min(event_date), '%Y-%m-01') AS first,
            strftime(last_day(max(event_date)), '%Y-%m-%d') AS last FROM claims`
  );
  return windowFromBounds(first, last, options);
}

/** The window from the claims' first month and last month end (see resolveWindow), for every engine. */
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

export async function prepareDrift(engine: Engine, options: PrepareOptions = {}): Promise<DriftSetup> {
  // On a cluster the row-level working tables are not built: the cluster returns their aggregates (pushdown.ts).
  if (engine.kind === "clickhouse") return preparePushedDown(engine, options);
  const window = await resolveWindow(engine, options);
  await engine.run(createExposureSql(tables.exposure, window));
  await engine.run(createClaimFactsSql(tables.facts, window));
  const reference = referenceWindow(window, options);
  const csv = options.extractsDir ? join(options.extractsDir, "reference_rates.csv") : undefined;
  let referenceSource: DriftSetup["referenceSource"] = "estimated";
  // The reference window's exposure and claims give the rates (unless a file gives them), the seasonal
  // factors and each segment's baseline factor.
  await engine.run(createExposureSql(tables.referenceExposure, reference));
  await engine.run(createClaimFactsSql(tables.referenceFacts, reference));
  if (csv && existsSync(csv)) {
    referenceSource = "reference_rates.csv";
    try {
      await engine.run(createReferenceRatesFromCsvSql(tables.rates, csv));
    } catch (error) {
      throw new CarnetError(
        `${csv}: ${firstLine((error as Error).message)} (expected columns guarantee,sex,job_category,age_band,annual_rate)`
      );
    }
  } else {
    await engine.run(createReferenceRatesSql(tables.rates, tables.referenceExposure, tables.referenceFacts));
  }
  await engine.run(
    options.seasonality === false
      ? `CREATE OR REPLACE TEMP TABLE ${tables.season} AS
         SELECT g.guarantee, CAST(t.moy AS INTEGER) AS moy, 1.0 AS factor
         FROM (SELECT DISTINCT guarantee FROM ${tables.rates}) g CROSS JOIN range(1, 13) AS t(moy)`
      : createSeasonSql(tables.season, tables.rates, tables.referenceExposure, tables.referenceFacts)
  );
  const guarantees = (
    await engine.all<{guarantee: string}>(`SELECT DISTINCT guarantee FROM ${tables.rates} ORDER BY 1`)
  ).map((r) => r.guarantee);
  return {window, reference, referenceSource, guarantees};
}

function firstLine(message: string): string {
  return message.split("\n").find((line) => line.trim()) ?? message;
}

export {addDays};
