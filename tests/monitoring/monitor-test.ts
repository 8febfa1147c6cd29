/**
 * `carnet monitor` through the real CLI on the default delivery, against what the generator planted (truth.json's
 * model_drift) and against an independent computation from the raw scores.csv (deciles with d3, bins counted here).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse, quantile} from "d3";
import {beforeAll, describe, expect, test} from "vitest";
import {extractsDir} from "../build/identifier-scan.ts";
import {carnet} from "../cli/run-carnet.ts";

interface Period {
  model_version: string;
  period: string;
  n: number;
  psi: number | null;
  auc: number | null;
  [key: string]: unknown;
}
interface Feature {
  model_version: string;
  period: string;
  feature: string;
  psi: number | null;
  importance: number | null;
}
interface Alert {
  id: string;
  model_version: string;
  kind: string;
  feature: string | null;
  onset: string;
  last: string;
}

const truth = JSON.parse(readFileSync(join(extractsDir, "truth.json"), "utf8"));
const drift = truth.model_drift as {model_version: string; feature: string; from: string};
let report: {periods: Period[]; features: Feature[]; alerts: Alert[]};

beforeAll(() => {
  const run = carnet(["monitor", "--extracts", extractsDir]);
  if (run.code !== 0) throw new Error(run.stderr);
  report = JSON.parse(run.stdout);
}, 300_000);

describe("carnet monitor on the default delivery", () => {
  test("prints every period's figures under the documented names, undefined ones as null, never 0", () => {
    const fields = [
      "model_version",
      "period",
      "n",
      "psi",
      "ks",
      "ks_pvalue",
      "auc",
      "auc_low",
      "auc_high",
      "auc_random",
      "brier",
      "ece",
      "calibration_slope",
      "calibration_intercept",
      "complete"
    ];
    expect(report.periods.length).toBeGreaterThan(20);
    for (const p of report.periods) expect(Object.keys(p)).toEqual(fields);
    // A month whose decided claims are all of one class (or none) has no AUC, written null.
    const undefinedAuc = report.periods.filter((p) => p.auc === null);
    for (const p of undefinedAuc) expect(p.auc_low).toBeNull();
    expect(report.periods.some((p) => p.auc !== null && p.auc > 0.5)).toBe(true);
  });

  test("alerts the planted feature drift from its month, and ranks that feature first among the version's feature PSIs", () => {
    const alert = report.alerts.find((a) => a.kind === "feature_psi" && a.feature === drift.feature);
    expect(alert, JSON.stringify(report.alerts)).toBeDefined();
    expect(alert!.model_version).toBe(drift.model_version);
    expect(alert!.onset).toBe(drift.from);
    for (const period of new Set(report.features.filter((f) => f.period >= drift.from).map((f) => f.period))) {
      const ranked = report.features
        .filter((f) => f.model_version === drift.model_version && f.period === period)
        .sort((a, b) => (b.psi ?? 0) - (a.psi ?? 0));
      expect(ranked[0].feature, period).toBe(drift.feature);
    }
  });

  test("says the month the delivery cuts is partial, and raises no alert from it", () => {
    // The default delivery's snapshot is mid-January: its last month lacks the claims declared later in the month.
    const partial = report.periods.filter((p) => !p.complete).map((p) => p.period);
    expect([...new Set(partial)]).toEqual([truth.snapshot_date.slice(0, 7)]);
    const months = [...new Set(report.periods.map((p) => p.period))].sort();
    expect(partial[0]).toBe(months.at(-1));
    for (const a of report.alerts) expect(a.last, a.id).not.toBe(partial[0]);
    // The declaration delay is censored in that month; it drifts nowhere else.
    expect(report.alerts.map((a) => a.feature)).not.toContain("declaration_delay_days");
  });

  test("raises no alert at all on the stable version, whose monthly PSI stays below 0.2", () => {
    const stable = report.periods.filter((p) => p.model_version !== drift.model_version);
    expect(stable.length).toBeGreaterThan(0);
    for (const p of stable) expect(p.psi!, p.period).toBeLessThan(0.2);
    expect(report.alerts.filter((a) => a.model_version !== drift.model_version)).toEqual([]);
  });

  test("bins the scores on the reference window's deciles as a computation from scores.csv does", () => {
    const rows = csvParse(readFileSync(join(extractsDir, "scores.csv"), "utf8"));
    const models = csvParse(readFileSync(join(extractsDir, "models.csv"), "utf8"));
    const version = drift.model_version;
    const card = models.find((m) => m.model_version === version)!;
    const mine = rows.filter((r) => r.model_version === version);
    const reference = mine
      .filter((r) => r.scored_date >= card.trained_from && r.scored_date <= card.trained_to)
      .map((r) => Number(r.score))
      .sort((a, b) => a - b);
    expect(reference.length).toBeGreaterThan(0);
    const edges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((q) => quantile(reference, q)!);
    const counts = (scores: number[]) => {
      const c = new Array(10).fill(0);
      for (const s of scores) c[edges.filter((e) => e < s).length]++;
      return c;
    };
    const lastPeriod = report.periods.filter((p) => p.model_version === version).at(-1)!;
    const current = counts(mine.filter((r) => r.scored_date.startsWith(lastPeriod.period)).map((r) => Number(r.score)));
    const ref = counts(reference);
    const n = current.reduce((a, b) => a + b, 0);
    const m = ref.reduce((a, b) => a + b, 0);
    expect(n).toBe(lastPeriod.n);
    // Without an empty bin (checked), no smoothing applies: PSI is the plain sum.
    expect(current.every((c) => c > 0) && ref.every((c) => c > 0)).toBe(true);
    const psi = current.reduce((s, c, i) => s + (c / n - ref[i] / m) * Math.log(c / n / (ref[i] / m)), 0);
    expect(lastPeriod.psi).toBeCloseTo(psi, 12);
  });

  test("prints quarters with --period quarter, one version with --model, and CSV with --format csv", () => {
    const quarters = carnet([
      "monitor",
      "--extracts",
      extractsDir,
      "--period",
      "quarter",
      "--model",
      "v1",
      "--format",
      "csv"
    ]);
    expect(quarters.code, quarters.stderr).toBe(0);
    const rows = csvParse(quarters.stdout);
    expect(rows.columns.slice(0, 4)).toEqual(["model_version", "period", "n", "psi"]);
    expect(new Set(rows.map((r) => r.model_version))).toEqual(new Set(["v1"]));
    for (const r of rows) expect(r.period).toMatch(/^\d{4}-Q[1-4]$/);
  });

  test("refuses an unknown model version in one line", () => {
    const run = carnet(["monitor", "--extracts", extractsDir, "--model", "v9"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^carnet monitor: no model version "v9"; expected one of: v1, v2$/);
  });
});
