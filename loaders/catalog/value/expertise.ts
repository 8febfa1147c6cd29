/**
 * Expertise targeting's figures for the value report, taken from the ROI analytics (loaders/roi/report.ts), per
 * year of expertise order and over the whole period:
 * - realised net savings: the backtest at full capacity, i.e. the expertises actually decided: recorded savings
 *   of the abuses found minus the cost of the expertises (cost per expertise of the economics);
 * - targeted net savings: the backtest's optimum, what ordering the best-scored claims only (the optimal
 *   capacity) would have netted on the same claims.
 * A year whose backtest holds fewer than 11 claims is masked (statistical secrecy).
 */
import {BUSINESS_COST_EUR, type Economics} from "../../../src/lib/roi/economics.ts";
import {publishable} from "../../../src/lib/secrecy.ts";
import type {Engine} from "../../engine/engine.ts";
import {roiReport} from "../../roi/report.ts";
import {resolveModel, loadScoredClaims} from "../../roi/scored-claims.ts";

export interface ExpertisePeriod {
  /** A year, or null for the whole period. */
  year: number | null;
  claims: number;
  abuses: number;
  realised_net_eur: number | null;
  optimum_k: number | null;
  optimum_net_eur: number | null;
  masked: boolean;
}

export interface ExpertiseFigures {
  model_version: string;
  cost_per_expertise_eur: number;
  per_year: ExpertisePeriod[];
  total: ExpertisePeriod;
}

/** Capacity meaning "every claim of the backtest" (capped at n by the ROI math). */
const ALL = Number.MAX_SAFE_INTEGER;

export const defaultEconomics: Economics = {costPerExpertise: BUSINESS_COST_EUR, savingPerAbuse: null};

export async function expertiseFigures(
  engine: Engine,
  economics: Economics = defaultEconomics
): Promise<ExpertiseFigures | null> {
  const scored = await engine.all<{n: number}>(`SELECT count(*) AS n FROM scores`);
  if (!scored[0]?.n) return null;
  const model = await resolveModel(engine);
  const years = [...new Set((await loadScoredClaims(engine, {model})).map((row) => row.year))].sort((a, b) => a - b);
  const period = async (year: number | null): Promise<ExpertisePeriod> => {
    const bounds = year === null ? {} : {from: year, to: year};
    const report = await roiReport(engine, {model, ...bounds, economics, capacities: [ALL]});
    const masked = !publishable(report.claims);
    return {
      year,
      claims: report.claims,
      abuses: masked ? 0 : report.abuses,
      realised_net_eur: masked ? null : report.rows[0].net_eur,
      optimum_k: masked ? null : report.best.k,
      optimum_net_eur: masked ? null : report.best.net_eur,
      masked
    };
  };
  const per_year: ExpertisePeriod[] = [];
  for (const year of years) per_year.push(await period(year));
  return {
    model_version: model,
    cost_per_expertise_eur: economics.costPerExpertise,
    per_year,
    total: await period(null)
  };
}
