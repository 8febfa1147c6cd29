/**
 * Stages the working tables of drift analysis in the engine: exposure and claim facts per period grain,
 * and the reference rates. Every later query (A/E cells, loss ratio, drill-down) reads these tables.
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Engine} from "../engine/engine.ts";
import {CarnetError} from "../errors.ts";
import {preparePushedDown} from "./pushdown.ts";

import {createClaimFactsSql} from "./sql/duckdb/claim-facts.ts";
import {createExposureSql, type DateWindow} from "./sql/duckdb/exposure.ts";
import {
  createReferenceRatesFromCsvSql,
  createReferenceRatesSql,
  createSeasonSql
} from "./sql/duckdb/reference-rates.ts";
import {referenceWindow, resolveWindow, tables, type DriftSetup, type PrepareOptions} from "./window.ts";

export {defaultReference, referenceWindow, resolveWindow, tables, windowFromBounds} from "./window.ts";
export type {DateWindow, DriftSetup, PrepareOptions};

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
