/**
 * Reference rates and seasonal factors staged over the reference window's working tables, on both paths: from
 * reference_rates.csv when the extract folder holds one, else estimated; seasons estimated unless switched off.
 * `claims` is how a group's claims are counted in the working tables (claim rows or a cube's counts).
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {CarnetError} from "../errors.ts";
import {
  createReferenceRatesFromCsvSql,
  createReferenceRatesSql,
  createSeasonSql
} from "./sql/duckdb/reference-rates.ts";
import {tables, type DriftSetup, type PrepareOptions} from "./window.ts";

export async function stageRates(
  work: DuckDbEngine,
  options: PrepareOptions,
  claims: string
): Promise<Pick<DriftSetup, "referenceSource" | "guarantees">> {
  const csv = options.extractsDir ? join(options.extractsDir, "reference_rates.csv") : undefined;
  let referenceSource: DriftSetup["referenceSource"] = "estimated";
  if (csv && existsSync(csv)) {
    referenceSource = "reference_rates.csv";
    try {
      await work.run(createReferenceRatesFromCsvSql(tables.rates, csv));
    } catch (error) {
      throw new CarnetError(
        `${csv}: ${firstLine((error as Error).message)} (expected columns guarantee,sex,job_category,age_band,annual_rate)`
      );
    }
  } else {
    await work.run(createReferenceRatesSql(tables.rates, tables.referenceExposure, tables.referenceFacts, claims));
  }
  await work.run(
    options.seasonality === false
      ? `CREATE OR REPLACE TABLE ${tables.season} AS
         SELECT g.guarantee, CAST(t.moy AS INTEGER) AS moy, 1.0 AS factor
         FROM (SELECT DISTINCT guarantee FROM ${tables.rates}) g CROSS JOIN range(1, 13) AS t(moy)`
      : createSeasonSql(tables.season, tables.rates, tables.referenceExposure, tables.referenceFacts, claims)
  );
  const guarantees = (
    await work.all<{guarantee: string}>(`SELECT DISTINCT guarantee FROM ${tables.rates} ORDER BY 1`)
  ).map((r) => r.guarantee);
  return {referenceSource, guarantees};
}

function firstLine(message: string): string {
  return message.split("\n").find((line) => line.trim()) ?? message;
}
