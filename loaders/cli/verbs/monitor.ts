import {CarnetError} from "../../errors.ts";
import {extractsDir} from "../../extracts/location.ts";
import {openStagedExtracts} from "../../extracts/open.ts";
import {monitoringPageData} from "../../monitoring/page-data.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeCsv, writeJson} from "../output.ts";

export const summary = "Monitor the abuse-score model: score and feature drift, AUC, calibration, alerts";
export const help = `
Usage: npm run --silent carnet -- monitor [--extracts DIR] [--model VERSION] [--period month|quarter] [--format json|csv]

Per model version and period (the month or quarter its scores were computed), against the version's reference
window (its training window from models.csv, else its first six months of scores):
  n                 scores of the period
  psi               population stability index of the score over ten bins fixed on the reference's deciles
  ks, ks_pvalue     two-sample Kolmogorov-Smirnov statistic against the reference window, asymptotic p-value
  auc, auc_low, auc_high   ROC AUC on the period's decided expertises (abuse vs not), DeLong 95% interval
  auc_random        the same on the random arm only (the unbiased sample)
  brier, ece, calibration_slope, calibration_intercept   on the random arm when it has both outcomes, else on
                    every decided claim
and per feature: psi (its own reference deciles, missing values in a bin of their own) and importance (mean
|contribution to the logit|); then the alerts (significant score PSI, a feature PSI above 0.2, an AUC interval
below the validation AUC, a calibration slope outside [0.8, 1.2] on the random arm): drift alerts by month,
ranking and calibration by quarter with at least 30 decided claims, whatever --period shows.

  --extracts DIR    extract folder (default: $CARNET_EXTRACTS, else data/extracts)
  --model VERSION   one model version (default: all)
  --period P        month (default) or quarter
  --format F        json (default): {"periods": [...], "features": [...], "alerts": [...]}; csv: the periods

Figures are unrounded; a figure that is undefined (no decided outcome in the period, one class only) is null,
never 0, and so is one computed on fewer than 11 claims (masked, as on the page). "complete" is false for a
period the data does not reach the end of (a delivery cut mid-month): shown, but it raises no alert.
Computed in the embedded DuckDB over the staged tables, whatever CARNET_ENGINE says (the figures need each
decided claim's score; the staged copy of a delivery is what the cluster was loaded from).
`;

const PERIOD_FIELDS = [
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
] as const;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("monitor", argv, {
    extracts: {type: "string"},
    model: {type: "string"},
    period: {type: "string"},
    format: {type: "string"}
  });
  const format = formatFlag("monitor", values.format, ["json", "csv"] as const);
  const grain = values.period ?? "month";
  if (grain !== "month" && grain !== "quarter")
    throw new CarnetError(`carnet monitor: --period expects month or quarter, got "${grain}"`);
  const extracts = await openStagedExtracts(values.extracts ?? extractsDir());
  try {
    // The alerts are the delivery's: drift by month, ranking and calibration by quarter, whatever --period shows.
    const data = await monitoringPageData(extracts.engine as Parameters<typeof monitoringPageData>[0]);
    const report = data[grain];
    const versions = report.models.map((m) => m.model_version);
    if (values.model !== undefined && !versions.includes(values.model))
      throw new CarnetError(
        `carnet monitor: no model version "${values.model}"; expected one of: ${versions.join(", ") || "(no scores)"}`
      );
    const chosen = (v: string) => values.model === undefined || v === values.model;
    const periods = report.periods
      .filter((p) => chosen(p.model_version))
      .map((p) => Object.fromEntries(PERIOD_FIELDS.map((f) => [f, p[f]])));
    if (format === "csv") {
      writeCsv(periods, [...PERIOD_FIELDS]);
      return 0;
    }
    writeJson({
      periods,
      features: report.features
        .filter((f) => chosen(f.model_version))
        .map(({model_version, period, feature, psi, importance}) => ({
          model_version,
          period,
          feature,
          psi,
          importance
        })),
      alerts: data.alerts.filter((a) => chosen(a.model_version))
    });
    return 0;
  } finally {
    await extracts.engine.close();
  }
}
