/**
 * The synthetic default extract folder: contracts, insured, premiums, claims, expertises, scores, the model
 * monitoring files (models, score_features), detector runs and truth.json, in the shape of
 * ../shared/data-contract.md. Deterministic (same seed and scale, same bytes), streamed (memory grows with the
 * number of contracts, not of claims), linear in `scale` (1 = ~200 contracts, ~40k insured, ~20-28k claims; ~400 =
 * ~10M claims).
 *
 * `snapshotDate` writes the same portfolio as it was known on an earlier day, like an earlier monthly delivery:
 * the simulation (its random draws, ids and amounts) is the full one, and only what is written changes. Rows
 * dated after that day are left out (contracts and insured whose cover starts later, claims declared later,
 * scores computed later, expertises ordered later, detector runs started later, premiums of later years, the
 * unearned part of that day's year, model cards whose training window ends later, and the feature rows of scores
 * left out), and what was still running then is written as it stood: end dates after it empty (a model's
 * deployment date too), claims open with paid amounts and reserves on that day, expertise reports not back yet
 * pending.
 */
import {existsSync, mkdirSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {PERIOD, SNAPSHOT_DATE} from "./catalog.ts";
import {simulateClaims, type ClaimSinks} from "./claims.ts";
import {planContracts} from "./contracts.ts";
import {CsvWriter, field, money} from "./csv-writer.ts";
import {dayOf, iso} from "./dates.ts";
import {writeDetectorRuns} from "./detectors.ts";
import {plantDrifts} from "./drifts.ts";
import {MODEL_CARDS, planModelDrift} from "./features.ts";
import {coverageEnd, forEachInsured} from "./population.ts";
import {PremiumBook} from "./premiums.ts";
import {Rng} from "./random.ts";
import {Stats} from "./stats.ts";
import {buildTruth, writeTruth, type Truth} from "./truth.ts";

export interface GenerateOptions {
  out: string;
  seed?: number;
  scale?: number;
  /**
   * Write the delivery as known on this day (YYYY-MM-DD, from the period start to SNAPSHOT_DATE); default
   * SNAPSHOT_DATE, the full delivery. The portfolio is the same whatever the day.
   */
  snapshotDate?: string;
  /** Called now and then with a short progress line (the CLI shows it on a terminal only). */
  onProgress?: (message: string) => void;
}

export interface GenerateSummary {
  out: string;
  seed: number;
  scale: number;
  rows: Record<string, number>;
  truth: Truth;
}

/** Header lines exactly as the extract contract names the columns. */
export const HEADERS = {
  contracts: ["contract_id", "employer_name", "sector_naf", "region", "start_date", "end_date"],
  insured: ["insured_id", "nir", "contract_id", "birth_date", "sex", "job_category", "coverage_start", "coverage_end"],
  premiums: ["contract_id", "year", "earned_premium_eur"],
  claims: [
    "claim_id",
    "insured_id",
    "contract_id",
    "guarantee",
    "event_date",
    "declared_date",
    "end_date",
    "days_paid",
    "paid_eur",
    "reserve_eur",
    "status"
  ],
  expertises: ["expertise_id", "claim_id", "ordered_date", "selection", "score", "outcome", "cost_eur", "saving_eur"],
  scores: ["claim_id", "scored_date", "model_version", "score"],
  models: [
    "model_version",
    "trained_from",
    "trained_to",
    "deployed_date",
    "validation_auc",
    "features",
    "base_value",
    "description"
  ],
  score_features: ["claim_id", "model_version", "feature", "value", "contribution"]
} as const;

/** True for a YYYY-MM-DD calendar day a delivery can be known as of: from the period start to SNAPSHOT_DATE. */
export function isSnapshotDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= PERIOD.start && date <= SNAPSHOT_DATE && iso(dayOf(date)) === date;
}

export function generate(options: GenerateOptions): GenerateSummary {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const snapshotDate = options.snapshotDate ?? SNAPSHOT_DATE;
  if (!isSnapshotDate(snapshotDate))
    throw new RangeError(
      `snapshotDate must be a YYYY-MM-DD day from ${PERIOD.start} to ${SNAPSHOT_DATE}, got "${snapshotDate}"`
    );
  const asOf = dayOf(snapshotDate);
  const out = options.out;
  const say = options.onProgress ?? (() => {});
  mkdirSync(out, {recursive: true});
  // Old runs would otherwise linger beside the new ones.
  rmSync(join(out, "detector-runs"), {recursive: true, force: true});

  const plans = planContracts(seed, scale);
  const drifts = plantDrifts(seed, plans);
  const modelDrift = planModelDrift(seed);

  // The model cards known on the day: a version's card exists once its training window has ended (and its feature
  // rows with it: claims.ts), its deployment date once deployed.
  const models = new CsvWriter(join(out, "models.csv"), HEADERS.models);
  for (const card of MODEL_CARDS) {
    if (card.trainedTo > snapshotDate) continue;
    models.row([
      card.version,
      card.trainedFrom,
      card.trainedTo,
      card.deployedDate > snapshotDate ? "" : card.deployedDate,
      card.validationAuc.toFixed(2),
      card.features.join("|"),
      String(card.baseValue),
      field(card.description)
    ]);
  }
  models.close();

  const contracts = new CsvWriter(join(out, "contracts.csv"), HEADERS.contracts);
  for (const plan of plans) {
    if (plan.startDay > asOf) continue;
    contracts.row([
      plan.id,
      field(plan.employerName),
      plan.sector.naf,
      plan.region,
      iso(plan.startDay),
      plan.endDay === null || plan.endDay > asOf ? "" : iso(plan.endDay)
    ]);
  }
  contracts.close();

  const insured = new CsvWriter(join(out, "insured.csv"), HEADERS.insured);
  const stats = new Stats();
  const premiums = new PremiumBook(plans, asOf);
  const sinks: ClaimSinks = {
    claims: new CsvWriter(join(out, "claims.csv"), HEADERS.claims),
    scores: new CsvWriter(join(out, "scores.csv"), HEADERS.scores),
    scoreFeatures: new CsvWriter(join(out, "score_features.csv"), HEADERS.score_features),
    modelDrift,
    expertises: new CsvWriter(join(out, "expertises.csv"), HEADERS.expertises),
    premiums,
    stats,
    counters: {claim: 0, expertise: 0},
    asOf,
    seed
  };
  let insuredCount = 0;
  for (const plan of plans) {
    // One stream per contract: a contract's people and claims do not depend on the contracts before it.
    const rng = new Rng(seed, "contract", plan.index);
    forEachInsured(plan, rng, (person) => {
      const id = `IN${String(++insuredCount).padStart(9, "0")}`;
      simulateClaims(person, id, rng, sinks);
      if (person.coverageStart > asOf) return;
      const end = coverageEnd(person, asOf);
      insured.row([
        id,
        person.nir,
        plan.id,
        iso(person.birthDay),
        person.female ? "F" : "M",
        person.cadre ? "cadre" : "non_cadre",
        iso(person.coverageStart),
        end === null ? "" : iso(end)
      ]);
    });
    if (plan.index % 50 === 0)
      say(
        `generate: contract ${plan.index + 1}/${plans.length}, ${insuredCount} insured, ${sinks.counters.claim} claims`
      );
  }
  insured.close();
  sinks.claims.close();
  sinks.scores.close();
  sinks.scoreFeatures.close();
  sinks.expertises.close();

  const premiumWriter = new CsvWriter(join(out, "premiums.csv"), HEADERS.premiums);
  for (const [contractId, year, amount] of premiums.rows(new Rng(seed, "premiums")))
    premiumWriter.row([contractId, year, money(amount)]);
  premiumWriter.close();

  const detectors = writeDetectorRuns(seed, out, snapshotDate);
  const rows = {
    contracts: contracts.rows,
    insured: insured.rows,
    premiums: premiumWriter.rows,
    claims: sinks.claims.rows,
    expertises: sinks.expertises.rows,
    scores: sinks.scores.rows,
    models: models.rows,
    score_features: sinks.scoreFeatures.rows,
    detector_runs: detectors.reduce((n, d) => n + d.runs.length, 0)
  };
  const truth = buildTruth(seed, scale, snapshotDate, drifts, modelDrift, stats, detectors, rows);
  writeTruth(out, truth);
  return {out, seed, scale, rows, truth};
}

/** Names this generator writes in its output folder. */
export const OUTPUT_NAMES = [...Object.keys(HEADERS).map((name) => `${name}.csv`), "detector-runs", "truth.json"];

/**
 * True when `dir` may be (over)written: absent, empty, holding a truth.json (a finished earlier run), or holding
 * nothing but names this generator writes (an interrupted run). Anything else may be someone's data.
 */
export function isSafeOutput(dir: string): boolean {
  if (!existsSync(dir)) return true;
  const entries = readdirSync(dir);
  return entries.includes("truth.json") || entries.every((name) => OUTPUT_NAMES.includes(name));
}
