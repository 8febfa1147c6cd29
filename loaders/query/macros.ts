/**
 * The team's rules as DuckDB macros, registered in every connection that authors query (`carnet query`, `.sql`
 * loaders): SQL, Python and R call the same definition instead of restating it. Each macro is built from the very
 * SQL the pipeline runs (drift's age and band expressions, the small-cell threshold), so they cannot drift apart.
 */
import {MIN_INSURED} from "../../src/lib/secrecy.ts";
import {ageBandSql, ageSql} from "../drift/sql/duckdb/exposure.ts";
import type {DuckDbEngine} from "../engine/duckdb.ts";

export interface Macro {
  name: string;
  /** What it computes, for `carnet tables` and the README. */
  doc: string;
  sql: string;
}

export const MACROS: readonly Macro[] = [
  {
    name: "carnet_mask",
    doc: `carnet_mask(value, people): value, or NULL when it describes fewer than ${MIN_INSURED} people (statistical secrecy)`,
    sql: `CREATE OR REPLACE MACRO carnet_mask(value, people) AS CASE WHEN people < ${MIN_INSURED} THEN NULL ELSE value END`
  },
  {
    name: "carnet_age",
    doc: "carnet_age(birth_date, on_date): age in whole years on `on_date` (a Feb 29 birthday counts from Mar 1)",
    sql: `CREATE OR REPLACE MACRO carnet_age(birth_date, on_date) AS ${ageSql("birth_date", "on_date")}`
  },
  {
    name: "carnet_age_band",
    doc: "carnet_age_band(birth_date, on_date): the 10-year band ('30-39') of the age on `on_date`, as drift's rates use it",
    sql: `CREATE OR REPLACE MACRO carnet_age_band(birth_date, on_date) AS ${ageBandSql(ageSql("birth_date", "on_date"))}`
  },
  {
    name: "carnet_exposure_years",
    doc:
      "carnet_exposure_years(cover_from, cover_until, month_start): insured-years of a cover [from, until) " +
      "within the month starting `month_start` (days / 365.25), drift's exposure per month",
    sql: `CREATE OR REPLACE MACRO carnet_exposure_years(cover_from, cover_until, month_start) AS
      greatest(date_diff('day', greatest(cover_from, month_start),
                         least(cover_until, CAST(month_start + INTERVAL 1 MONTH AS DATE))), 0) / 365.25`
  }
];

export async function registerMacros(engine: DuckDbEngine): Promise<void> {
  for (const macro of MACROS) await engine.run(macro.sql);
}
