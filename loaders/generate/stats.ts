/**
 * Running tallies of what the generator planted, for truth.json: eligible claims and their abuse rate, the
 * expertise arms, and score histograms (exact at the 4 written decimals) to report each model's realised AUC.
 */
import {ARMS, type Arm} from "./expertise.ts";

const BINS = 10_001;

export interface ArmTally {
  expertises: number;
  decided: number;
  abuse: number;
  justified: number;
  no_show: number;
  pending: number;
  saving_eur: number;
}

export class Stats {
  eligibleClaims = 0;
  eligibleAbusive = 0;
  readonly arms: Record<Arm, ArmTally>;
  private readonly positives = new Map<string, Float64Array>();
  private readonly negatives = new Map<string, Float64Array>();

  constructor() {
    this.arms = Object.fromEntries(
      ARMS.map((arm) => [
        arm,
        {expertises: 0, decided: 0, abuse: 0, justified: 0, no_show: 0, pending: 0, saving_eur: 0}
      ])
    ) as Record<Arm, ArmTally>;
  }

  addScore(version: string, score: number, abusive: boolean): void {
    const map = abusive ? this.positives : this.negatives;
    let hist = map.get(version);
    if (!hist) map.set(version, (hist = new Float64Array(BINS)));
    hist[Math.round(score * 10_000)]++;
  }

  /**
   * A written score against the planted model drift: before its month, or after it both as written and as drawn
   * (what the version would have scored without the drift), for the realised AUCs of truth.json `model_drift`.
   */
  addDriftScore(version: string, after: boolean, score: number, drawn: number, abusive: boolean): void {
    if (!after) this.addScore(`${version}@before`, score, abusive);
    else {
      this.addScore(`${version}@after`, score, abusive);
      this.addScore(`${version}@after-undrifted`, drawn, abusive);
    }
  }

  /** The drifting feature's written values (null: missing), before and after the drift month. */
  readonly driftValues = {before: {sum: 0, n: 0}, after: {sum: 0, n: 0}};

  addDriftValue(after: boolean, value: number | null): void {
    if (value === null) return;
    const tally = after ? this.driftValues.after : this.driftValues.before;
    tally.sum += value;
    tally.n++;
  }

  addExpertise(arm: Arm, outcome: "abuse" | "justified" | "no_show" | "pending", saving: number): void {
    const tally = this.arms[arm];
    tally.expertises++;
    tally[outcome]++;
    if (outcome === "abuse" || outcome === "justified") tally.decided++;
    tally.saving_eur += saving;
  }

  /** ROC AUC of a model version against the hidden abuse flag (Mann-Whitney on the histograms, ties count 1/2). */
  auc(version: string): number | null {
    const pos = this.positives.get(version);
    const neg = this.negatives.get(version);
    if (!pos || !neg) return null;
    let below = 0;
    let wins = 0;
    let p = 0;
    let n = 0;
    for (let i = 0; i < BINS; i++) {
      wins += pos[i] * (below + neg[i] / 2);
      below += neg[i];
      p += pos[i];
      n += neg[i];
    }
    return p > 0 && n > 0 ? wins / (p * n) : null;
  }

  /** Share of abusive claims among all scored claims of a version. */
  scoredAbuseRate(version: string): number | null {
    const pos = this.positives.get(version);
    const neg = this.negatives.get(version);
    if (!pos || !neg) return null;
    const p = pos.reduce((a, b) => a + b, 0);
    const n = neg.reduce((a, b) => a + b, 0);
    return p + n > 0 ? p / (p + n) : null;
  }
}
