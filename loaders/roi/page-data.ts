/**
 * What the ROI page loads: the decided, scored expertised claims of every model version in rank order (no claim
 * id, no insured id: only score, year, outcome flag, recorded saving and arm), and a small context document
 * (model versions, years, how claims enter the backtest). The page rebuilds the backtest from them with the
 * shared math, so the browser and `carnet roi` agree by construction.
 */
import {BOOTSTRAP_LEVEL, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED} from "../../src/lib/roi/bootstrap.ts";
import {BUSINESS_COST_EUR} from "../../src/lib/roi/economics.ts";
import type {Engine, Row} from "../engine/engine.ts";
import {modelVersions} from "./scored-claims.ts";
import {roiSql} from "./sql.ts";

export const PAGE_CLAIM_COLUMNS = ["model_version", "rank", "score", "year", "abuse", "saving_eur", "arm"] as const;

export async function pageClaims(engine: Engine): Promise<Row[]> {
  return engine.all(roiSql(engine).pageClaimsSql());
}

export interface CoverageRow {
  model_version: string;
  year: number;
  outcome: "abuse" | "justified" | "no_show" | "pending";
  arm: "rule" | "model" | "random";
  scored: boolean;
  claims: number;
}

export interface RoiPageContext {
  snapshot_date: string;
  models: {model_version: string; scored_claims: number; last_scored: string}[];
  default_model: string | null;
  /** First and last year of expertise orders, or null without expertises. */
  years: [number, number] | null;
  coverage: CoverageRow[];
  defaults: {cost_per_expertise: number; saving_per_abuse: number | null};
  bootstrap: {resamples: number; seed: number; level: number};
}

export async function pageContext(engine: Engine, snapshotDate: string): Promise<RoiPageContext> {
  const models = await modelVersions(engine);
  // `scored` is a boolean in DuckDB and 0/1 from ClickHouse (no boolean type in 18.16).
  const coverage = ((await engine.all(roiSql(engine).coverageSql())) as unknown as CoverageRow[]).map((row) => ({
    ...row,
    scored: Boolean(row.scored)
  }));
  const years = coverage.map((row) => row.year);
  return {
    snapshot_date: snapshotDate,
    models,
    default_model: models[0]?.model_version ?? null,
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    coverage,
    defaults: {cost_per_expertise: BUSINESS_COST_EUR, saving_per_abuse: null},
    bootstrap: {resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED, level: BOOTSTRAP_LEVEL}
  };
}
