/**
 * What the ROI page loads: the decided, scored expertised claims of every model version in rank order (no claim
 * id, no insured id: only score, year, outcome flag, recorded saving and arm), and a small context document
 * (model versions, years, how claims enter the backtest). The page rebuilds the backtest from them with the
 * shared math, so the browser and `carnet roi` agree by construction.
 */
import {Dictionary, Float64, Int16, Int32, Int8, Utf8, type DataType} from "apache-arrow";
import {BOOTSTRAP_LEVEL, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED} from "../../src/lib/roi/bootstrap.ts";
import {BUSINESS_COST_EUR} from "../../src/lib/roi/economics.ts";
import type {Engine, Row} from "../engine/engine.ts";
import {typedArrowBytes} from "../output/arrow.ts";
import {modelVersions} from "./scored-claims.ts";
import {roiSql} from "./sql.ts";

export const PAGE_CLAIM_COLUMNS = ["model_version", "rank", "score", "year", "abuse", "saving_eur", "arm"] as const;

export async function pageClaims(engine: Engine): Promise<Row[]> {
  return engine.all(roiSql(engine).pageClaimsSql());
}

/**
 * The narrowest exact Arrow type of each column: the file holds one row per decided claim (600k at scale 420), so
 * 25 bytes a claim instead of the 68 of the default types (Float64 numbers, Utf8 strings) matter to the page's
 * download. Versions and arms are a few labels (dictionaries with 8-bit indices); the score and the saving stay
 * 64-bit floats so the page's backtest equals `carnet roi`'s to the cent.
 */
const PAGE_CLAIM_TYPES: Record<(typeof PAGE_CLAIM_COLUMNS)[number], DataType> = {
  model_version: new Dictionary(new Utf8(), new Int8()),
  rank: new Int32(),
  score: new Float64(),
  year: new Int16(),
  abuse: new Int8(),
  saving_eur: new Float64(),
  arm: new Dictionary(new Utf8(), new Int8())
};

/** The page's claims (pageClaims' rows) as an Arrow IPC stream of PAGE_CLAIM_TYPES. */
export function pageClaimsArrow(rows: readonly Row[]): Uint8Array {
  return typedArrowBytes(rows, PAGE_CLAIM_TYPES);
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
