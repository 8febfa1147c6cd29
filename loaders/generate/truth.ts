/**
 * truth.json: what the generator planted, written beside the extracts so pages and tests can be checked against
 * it (drifts, the model drift, abuse rate, model and detector AUCs), plus row counts and per-arm expertise tallies.
 * Written with a fixed key order and no timestamps, so the same seed and scale give the same bytes.
 *
 * For a delivery known as of an earlier day (`--snapshot`), everything describes what that delivery holds:
 * `snapshot_date` is that day, `period.end` the last day its events can fall on, `drifts` only those whose onset
 * month has begun, row counts and expertise tallies those written, `abuse_rate` over the claims eligible by then,
 * `models` the versions live by then with AUCs on the scores written, `model_drift` only once its month has begun,
 * `detectors` the runs started by then.
 */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {MODEL_VERSIONS} from "./abuse.ts";
import {MODEL_START, PERIOD} from "./catalog.ts";
import type {Drift} from "./contracts.ts";
import {round, type DetectorTruth} from "./detectors.ts";
import {ARMS} from "./expertise.ts";
import type {ModelDrift} from "./features.ts";
import type {Stats} from "./stats.ts";

export interface Truth {
  seed: number;
  scale: number;
  period: {start: string; end: string};
  snapshot_date: string;
  drifts: {dimension: Drift["dimension"]; segment: string; guarantee: "incapacity"; onset: string; factor: number}[];
  abuse_rate: number;
  detectors: DetectorTruth[];
  rows: Record<string, number>;
  expertise_arms: Record<
    string,
    {
      expertises: number;
      decided: number;
      abuse: number;
      justified: number;
      no_show: number;
      pending: number;
      abuse_rate: number | null;
      mean_saving_eur: number | null;
    }
  >;
  models: {model_version: string; live_from: string; auc: number | null; scored_abuse_rate: number | null}[];
  /**
   * The planted model drift, once its month has begun (else null): the version and feature, the first month, what
   * happened, the drifting feature's mean written value before and after, and each version's realised AUC before
   * and after (for the drifting version also what it would have been without the drift, on the same claims).
   */
  model_drift: {
    model_version: string;
    feature: string;
    from: string;
    description: string;
    feature_mean: {before: number | null; after: number | null};
    auc: Record<string, {before: number | null; after: number | null; after_without_drift?: number | null}>;
  } | null;
}

export function buildTruth(
  seed: number,
  scale: number,
  snapshotDate: string,
  drifts: readonly Drift[],
  modelDrift: ModelDrift,
  stats: Stats,
  detectors: DetectorTruth[],
  rows: Record<string, number>
): Truth {
  const month = snapshotDate.slice(0, 7);
  return {
    seed,
    scale,
    period: {start: PERIOD.start, end: snapshotDate < PERIOD.end ? snapshotDate : PERIOD.end},
    snapshot_date: snapshotDate,
    drifts: drifts
      .filter((d) => d.onset <= month)
      .map((d) => ({
        dimension: d.dimension,
        segment: d.segment,
        guarantee: "incapacity",
        onset: d.onset,
        factor: d.factor
      })),
    // Share of abusive claims among those eligible for an expertise: what the random arm estimates.
    abuse_rate: stats.eligibleClaims ? round(stats.eligibleAbusive / stats.eligibleClaims, 4) : 0,
    detectors,
    rows,
    expertise_arms: Object.fromEntries(
      ARMS.map((arm) => {
        const t = stats.arms[arm];
        return [
          arm,
          {
            expertises: t.expertises,
            decided: t.decided,
            abuse: t.abuse,
            justified: t.justified,
            no_show: t.no_show,
            pending: t.pending,
            abuse_rate: t.decided ? round(t.abuse / t.decided, 4) : null,
            mean_saving_eur: t.abuse ? round(t.saving_eur / t.abuse, 2) : null
          }
        ];
      })
    ),
    models: (MODEL_START <= snapshotDate ? MODEL_VERSIONS : []).map((m) => {
      const auc = stats.auc(m.version);
      const rate = stats.scoredAbuseRate(m.version);
      return {
        model_version: m.version,
        live_from: MODEL_START,
        auc: auc === null ? null : round(auc, 4),
        scored_abuse_rate: rate === null ? null : round(rate, 4)
      };
    }),
    model_drift: modelDrift.from <= month ? modelDriftTruth(modelDrift, stats) : null
  };
}

function modelDriftTruth(drift: ModelDrift, stats: Stats): NonNullable<Truth["model_drift"]> {
  const auc = (key: string) => {
    const value = stats.auc(key);
    return value === null ? null : round(value, 4);
  };
  const mean = (tally: {sum: number; n: number}) => (tally.n ? round(tally.sum / tally.n, 4) : null);
  return {
    model_version: drift.version,
    feature: drift.feature,
    from: drift.from,
    description: drift.description,
    feature_mean: {before: mean(stats.driftValues.before), after: mean(stats.driftValues.after)},
    auc: Object.fromEntries(
      MODEL_VERSIONS.map((m) => [
        m.version,
        {
          before: auc(`${m.version}@before`),
          after: auc(`${m.version}@after`),
          ...(m.version === drift.version ? {after_without_drift: auc(`${m.version}@after-undrifted`)} : {})
        }
      ])
    )
  };
}

export function writeTruth(outDir: string, truth: Truth): void {
  writeFileSync(join(outDir, "truth.json"), JSON.stringify(truth, null, 2) + "\n");
}
