/**
 * The backtest's claims as read from the staged tables, and the model versions to choose from.
 */
import type {Arm, BacktestClaim} from "../../src/lib/roi/backtest.ts";
import type {Band} from "../../src/lib/roi/bands.ts";
import type {Engine} from "../engine/engine.ts";
import {CarnetError} from "../errors.ts";
import type {RoiFilter} from "./filter.ts";
import {roiSql} from "./sql.ts";

export interface ScoredClaimRow {
  claim_id: string;
  score: number;
  year: number;
  outcome: "abuse" | "justified" | "no_show";
  abuse: number;
  saving_eur: number;
  arm: Arm;
  rank: number;
}

export interface ModelVersion {
  model_version: string;
  scored_claims: number;
  last_scored: string;
}

export async function loadScoredClaims(engine: Engine, filter: RoiFilter): Promise<ScoredClaimRow[]> {
  return engine.all<ScoredClaimRow & Record<string, unknown>>(roiSql(engine).scoredClaimsSql(filter));
}

export function toBacktestClaims(rows: readonly ScoredClaimRow[]): BacktestClaim[] {
  return rows.map((row) => ({
    score: row.score,
    abuse: row.abuse === 1,
    saving: row.saving_eur,
    arm: row.arm,
    key: row.claim_id
  }));
}

/** Model versions, most recently scored first (the default is the first). */
export async function modelVersions(engine: Engine): Promise<ModelVersion[]> {
  return engine.all<ModelVersion & Record<string, unknown>>(roiSql(engine).modelVersionsSql());
}

/** The requested version, checked, or the most recently scored one. */
export async function resolveModel(engine: Engine, requested?: string): Promise<string> {
  const versions = (await modelVersions(engine)).map((v) => v.model_version);
  if (!versions.length)
    throw new CarnetError("scores: no scored claims in the extract, so there is no backtest to compute");
  if (requested === undefined) return versions[0];
  if (!versions.includes(requested))
    throw new CarnetError(`scores: no model version "${requested}"; expected one of: ${versions.join(", ")}`);
  return requested;
}

/** Score deciles computed in SQL (same split as the page's `scoreBands`, without the rank ranges). */
export async function loadScoreBands(
  engine: Engine,
  filter: RoiFilter,
  bandCount = 10
): Promise<Omit<Band, "start" | "end">[]> {
  return engine.all(roiSql(engine).scoreBandsSql(filter, bandCount)) as Promise<Omit<Band, "start" | "end">[]>;
}
