/**
 * Model monitoring (`carnet monitor`, the /model-monitoring page, the delivery's model alerts): per model version
 * and period, the score's drift from its reference window (PSI on the reference deciles, KS), each feature's drift
 * (PSI) and weight (mean |contribution|), the ranking performance on decided expertises (AUC with DeLong's interval,
 * naive on every decided claim and unbiased on the random arm) against the validation AUC, the calibration
 * (Brier, ECE, calibration line, on the random arm where it has outcomes), champion vs challenger (DeLong's paired
 * test), and the contributions by score band. DuckDB computes the sufficient statistics (sql/duckdb.ts); the
 * statistics are src/lib/monitoring/'s.
 *
 * Statistical secrecy (src/lib/secrecy.ts): a figure computed on fewer than 11 claims is masked (null) here, before
 * anything is written, with the count kept: an AUC, a calibration or a realised precision of a period with fewer
 * than 11 decided claims, a reliability bin or a score band of fewer than 11, a period of fewer than 11 scores.
 */
import {aucDeLong, pairedDeLong} from "../../src/lib/monitoring/auc.ts";
import {brier, calibrationLine, ece, reliability} from "../../src/lib/monitoring/calibration.ts";
import {ksTwoSample} from "../../src/lib/monitoring/ks.ts";
import {isComplete} from "../../src/lib/monitoring/period.ts";
import {psi} from "../../src/lib/monitoring/psi.ts";
import {publishable} from "../../src/lib/secrecy.ts";
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {
  contributionProfileSql,
  decidedSql,
  featureBinsSql,
  featureEdgesSql,
  pendingSql,
  referenceSql,
  scoreBinsSql,
  scoreEdgesSql,
  scoreValuesSql,
  type MonitoringGrain
} from "./sql/duckdb.ts";

export interface ModelCard {
  model_version: string;
  reference: {from: string; to: string; source: string};
  validation_auc: number | null;
  deployed_date: string | null;
  features: string[];
  first_scored: string;
  last_scored: string;
}

export interface PeriodFigures {
  model_version: string;
  period: string;
  /**
   * False for a period the data does not reach the end of (the last scores' date falls inside it: a delivery cut
   * mid-month). Its figures are shown, but it raises no alert: what is still to come is missing, not drifted.
   */
  complete: boolean;
  n: number;
  psi: number | null;
  ks: number | null;
  ks_pvalue: number | null;
  auc: number | null;
  auc_low: number | null;
  auc_high: number | null;
  auc_n: number;
  auc_random: number | null;
  auc_random_low: number | null;
  auc_random_high: number | null;
  auc_random_n: number;
  brier: number | null;
  ece: number | null;
  calibration_slope: number | null;
  calibration_intercept: number | null;
  /**
   * Which decided claims the calibration is measured on: the random arm when it has both outcomes and at least 11
   * claims, else every decided claim (at least 11), else none.
   */
  calibration_sample: "random arm" | "all decided" | null;
  pending: number;
  /** Sum of the pending claims' scores: the abuses a calibrated score expects among them. */
  expected_abuses: number | null;
  /** Abuses among the decided claims of the period, over them. */
  realised_precision: number | null;
}

export interface FeatureFigures {
  model_version: string;
  period: string;
  feature: string;
  n: number;
  psi: number | null;
  importance: number | null;
}

export interface DistributionShare {
  model_version: string;
  /** "reference" for the reference window. */
  period: string;
  bin: number;
  share: number;
}

export interface ReliabilityBin {
  model_version: string;
  /** null: every period together. */
  period: string | null;
  sample: "random arm" | "all decided";
  bin: number;
  claims: number;
  mean_predicted: number | null;
  observed_rate: number | null;
  /** Fewer than 11 claims in the bin: its figures are null. */
  masked: boolean;
}

export interface ProfileRow {
  model_version: string;
  /** null: every period together. */
  period: string | null;
  band: number;
  feature: string;
  claims: number;
  mean_contribution: number | null;
  mean_abs_contribution: number | null;
  mean_value: number | null;
  masked: boolean;
}

export interface ChampionChallenger {
  champion: string;
  challenger: string;
  /** null: every period together. */
  period: string | null;
  n: number;
  auc_champion: number | null;
  auc_challenger: number | null;
  difference: number | null;
  pvalue: number | null;
}

export interface MonitoringReport {
  grain: MonitoringGrain;
  models: ModelCard[];
  periods: PeriodFigures[];
  features: FeatureFigures[];
  distributions: DistributionShare[];
  reliability: ReliabilityBin[];
  profile: ProfileRow[];
  champion: ChampionChallenger[];
}

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const key = (...parts: unknown[]) => parts.map(String).join("\u0000");

function groupBy<T>(rows: readonly T[], by: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = by(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The groups in the order of their keys (periods in time order). */
const sortedGroups = <T>(rows: readonly T[], by: (row: T) => string): [string, T[]][] =>
  [...groupBy(rows, by)].sort(([a], [b]) => a.localeCompare(b));

/** Counts per bin 0..bins-1 from (bin, n) rows. */
function binCounts(rows: readonly Row[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const r of rows) counts[Number(r.bin)] += Number(r.n);
  return counts;
}

interface Decided {
  model_version: string;
  period: string;
  claim_id: string;
  score: number;
  y: 0 | 1;
  random_arm: boolean;
}

/** The models' tables may be missing from an older delivery: monitoring then has nothing to say. */
async function hasScores(engine: DuckDbEngine): Promise<boolean> {
  const [row] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM scores`);
  return Number(row?.n ?? 0) > 0;
}

export async function monitor(engine: DuckDbEngine, grain: MonitoringGrain = "month"): Promise<MonitoringReport> {
  const empty: MonitoringReport = {
    grain,
    models: [],
    periods: [],
    features: [],
    distributions: [],
    reliability: [],
    profile: [],
    champion: []
  };
  if (!(await hasScores(engine))) return empty;
  await engine.run(referenceSql);
  await engine.run(scoreEdgesSql);
  await engine.run(featureEdgesSql);

  const references = await engine.all<Row>(`SELECT * FROM monitor_reference ORDER BY model_version`);
  const models: ModelCard[] = references.map((r) => ({
    model_version: String(r.model_version),
    reference: {from: String(r.ref_from), to: String(r.ref_to), source: String(r.reference_source)},
    validation_auc: num(r.validation_auc),
    deployed_date: r.deployed_date === null ? null : String(r.deployed_date),
    features: r.features ? String(r.features).split("|") : [],
    first_scored: String(r.first_day),
    last_scored: String(r.last_day)
  }));

  const scoreBins = await engine.all<Row>(scoreBinsSql(grain));
  const scoreValues = await engine.all<Row>(scoreValuesSql(grain));
  const decided = (await engine.all<Row>(decidedSql(grain))).map((r): Decided => ({
    model_version: String(r.model_version),
    period: String(r.period),
    claim_id: String(r.claim_id),
    score: Number(r.score),
    y: Number(r.y) === 1 ? 1 : 0,
    random_arm: Boolean(r.random_arm)
  }));
  const pending = new Map((await engine.all<Row>(pendingSql(grain))).map((r) => [key(r.model_version, r.period), r]));

  const binsOf = groupBy(scoreBins, (r) => key(r.model_version, r.period ?? "reference"));
  const valuesOf = groupBy(scoreValues, (r) => key(r.model_version, r.period ?? "reference"));
  const decidedOf = groupBy(decided, (d) => key(d.model_version, d.period));
  const values = (rows: readonly Row[] | undefined) =>
    (rows ?? []).map((r) => ({value: Number(r.value), count: Number(r.n)}));

  const periods: PeriodFigures[] = [];
  const distributions: DistributionShare[] = [];
  const dataUntil = models
    .map((m) => m.last_scored)
    .sort()
    .at(-1)!;
  for (const model of models) {
    const v = model.model_version;
    const reference = binCounts(binsOf.get(key(v, "reference")) ?? [], 10);
    const referenceTotal = reference.reduce((a, b) => a + b, 0);
    reference.forEach((n, bin) =>
      distributions.push({model_version: v, period: "reference", bin, share: referenceTotal ? n / referenceTotal : 0})
    );
    const referenceValues = values(valuesOf.get(key(v, "reference")));
    const names = [
      ...new Set(scoreBins.filter((r) => r.model_version === v && r.period !== null).map((r) => String(r.period)))
    ].sort();
    for (const period of names) {
      const current = binCounts(binsOf.get(key(v, period)) ?? [], 10);
      const n = current.reduce((a, b) => a + b, 0);
      const shown = publishable(n);
      if (shown) current.forEach((count, bin) => distributions.push({model_version: v, period, bin, share: count / n}));
      const ks = shown ? ksTwoSample(referenceValues, values(valuesOf.get(key(v, period)))) : null;
      const claims = decidedOf.get(key(v, period)) ?? [];
      periods.push({
        model_version: v,
        period,
        complete: isComplete(period, dataUntil),
        n,
        psi: shown ? psi(reference, current).psi : null,
        ks: ks?.statistic ?? null,
        ks_pvalue: ks?.pvalue ?? null,
        ...performance(claims),
        ...pendingFigures(pending.get(key(v, period)), claims)
      });
    }
  }

  return {
    grain,
    models,
    periods,
    features: await featureFigures(engine, grain),
    distributions,
    reliability: reliabilityBins(models, decided),
    profile: await contributionProfile(engine, grain),
    champion: championChallenger(models, decided)
  };
}

type Performance = Pick<
  PeriodFigures,
  | "auc"
  | "auc_low"
  | "auc_high"
  | "auc_n"
  | "auc_random"
  | "auc_random_low"
  | "auc_random_high"
  | "auc_random_n"
  | "brier"
  | "ece"
  | "calibration_slope"
  | "calibration_intercept"
  | "calibration_sample"
>;

const bothClasses = (claims: readonly Decided[]) => claims.some((c) => c.y === 1) && claims.some((c) => c.y === 0);

/**
 * The calibration sample: the random arm when it has both outcomes (unbiased) and at least 11 claims, else every
 * decided claim when they are at least 11, else none (too few to publish).
 */
function calibrationSample(claims: readonly Decided[]): {sample: Decided[]; name: PeriodFigures["calibration_sample"]} {
  const random = claims.filter((c) => c.random_arm);
  if (publishable(random.length) && bothClasses(random)) return {sample: random, name: "random arm"};
  return publishable(claims.length) ? {sample: [...claims], name: "all decided"} : {sample: [], name: null};
}

/** AUC and DeLong interval, masked (null) below 11 claims. */
function maskedAuc(claims: readonly Decided[]) {
  if (!publishable(claims.length)) return {auc: null, low: null, high: null};
  return aucDeLong(
    claims.map((c) => c.score),
    claims.map((c) => c.y)
  );
}

function performance(claims: readonly Decided[]): Performance {
  const all = maskedAuc(claims);
  const random = claims.filter((c) => c.random_arm);
  const unbiased = maskedAuc(random);
  const {sample, name} = calibrationSample(claims);
  const p = sample.map((c) => c.score);
  const y = sample.map((c) => c.y);
  const line = sample.length ? calibrationLine(p, y) : null;
  return {
    auc: all.auc,
    auc_low: all.low,
    auc_high: all.high,
    auc_n: claims.length,
    auc_random: unbiased.auc,
    auc_random_low: unbiased.low,
    auc_random_high: unbiased.high,
    auc_random_n: random.length,
    brier: sample.length ? brier(p, y) : null,
    ece: sample.length ? ece(p, y) : null,
    calibration_slope: line?.slope ?? null,
    calibration_intercept: line?.intercept ?? null,
    calibration_sample: name
  };
}

function pendingFigures(row: Row | undefined, claims: readonly Decided[]) {
  const pending = Number(row?.pending ?? 0);
  return {
    pending,
    expected_abuses: publishable(pending) ? num(row?.expected_abuses) : null,
    realised_precision: publishable(claims.length) ? claims.filter((c) => c.y === 1).length / claims.length : null
  };
}

async function featureFigures(engine: DuckDbEngine, grain: MonitoringGrain): Promise<FeatureFigures[]> {
  const rows = await engine.all<Row>(featureBinsSql(grain));
  const groups = groupBy(rows, (r) => key(r.model_version, r.feature, r.period ?? "reference"));
  const out: FeatureFigures[] = [];
  const pairs = [...new Set(rows.map((r) => key(r.model_version, r.feature)))].sort();
  for (const pair of pairs) {
    const [model_version, feature] = pair.split("\u0000");
    const reference = binCounts(groups.get(key(model_version, feature, "reference")) ?? [], 11);
    const names = [
      ...new Set(
        rows
          .filter((r) => r.model_version === model_version && r.feature === feature && r.period !== null)
          .map((r) => String(r.period))
      )
    ].sort();
    for (const period of names) {
      const cells = groups.get(key(model_version, feature, period)) ?? [];
      const current = binCounts(cells, 11);
      const n = current.reduce((a, b) => a + b, 0);
      const contribution = cells.reduce((s, r) => s + Number(r.abs_contribution), 0);
      out.push({
        model_version,
        period,
        feature,
        n,
        psi: publishable(n) ? psi(reference, current).psi : null,
        importance: publishable(n) ? contribution / n : null
      });
    }
  }
  return out;
}

/**
 * The reliability diagram's bins of each version over every period together (period null) and per period, each on
 * its own calibration sample (the random arm where it has both outcomes, else every decided claim).
 */
function reliabilityBins(models: readonly ModelCard[], decided: readonly Decided[]): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  const add = (model_version: string, period: string | null, claims: readonly Decided[]) => {
    const {sample, name} = calibrationSample(claims);
    if (!name) return;
    reliability(
      sample.map((c) => c.score),
      sample.map((c) => c.y)
    ).forEach(({count, mean_predicted, observed_rate}, bin) => {
      const masked = count > 0 && !publishable(count);
      out.push({
        model_version,
        period,
        sample: name,
        bin,
        claims: count,
        mean_predicted: masked ? null : mean_predicted,
        observed_rate: masked ? null : observed_rate,
        masked
      });
    });
  };
  for (const {model_version} of models) {
    const claims = decided.filter((d) => d.model_version === model_version);
    add(model_version, null, claims);
    for (const [period, rows] of sortedGroups(claims, (d) => d.period)) add(model_version, period, rows);
  }
  return out;
}

async function contributionProfile(engine: DuckDbEngine, grain: MonitoringGrain): Promise<ProfileRow[]> {
  return (await engine.all<Row>(contributionProfileSql(grain))).map((r) => {
    const masked = !publishable(Number(r.claims));
    return {
      model_version: String(r.model_version),
      period: r.period === null ? null : String(r.period),
      band: Number(r.band),
      feature: String(r.feature),
      claims: Number(r.claims),
      mean_contribution: masked ? null : num(r.mean_contribution),
      mean_abs_contribution: masked ? null : num(r.mean_abs_contribution),
      mean_value: masked ? null : num(r.mean_value),
      masked
    };
  });
}

/** Each version against the one deployed before it, on the decided claims both scored: per period and overall. */
function championChallenger(models: readonly ModelCard[], decided: readonly Decided[]): ChampionChallenger[] {
  const ordered = [...models].sort((a, b) =>
    String(a.deployed_date ?? a.first_scored).localeCompare(String(b.deployed_date ?? b.first_scored))
  );
  const out: ChampionChallenger[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const champion = ordered[i - 1].model_version;
    const challenger = ordered[i].model_version;
    const championScores = new Map(decided.filter((d) => d.model_version === champion).map((d) => [d.claim_id, d]));
    const pairs = decided
      .filter((d) => d.model_version === challenger && championScores.has(d.claim_id))
      .map((d) => ({period: d.period, a: championScores.get(d.claim_id)!.score, b: d.score, y: d.y}));
    const test = (rows: typeof pairs, period: string | null): ChampionChallenger => {
      const result = publishable(rows.length)
        ? pairedDeLong(
            rows.map((r) => r.a),
            rows.map((r) => r.b),
            rows.map((r) => r.y)
          )
        : {auc_a: null, auc_b: null, difference: null, pvalue: null};
      return {
        champion,
        challenger,
        period,
        n: rows.length,
        auc_champion: result.auc_a,
        auc_challenger: result.auc_b,
        difference: result.difference,
        pvalue: result.pvalue
      };
    };
    out.push(test(pairs, null));
    for (const [period, rows] of sortedGroups(pairs, (p) => p.period)) out.push(test(rows, period));
  }
  return out;
}
