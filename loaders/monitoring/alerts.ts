/**
 * Model alerts, from the monitoring report: what a reader of the delivery's alert list should look at. One alert
 * per version and kind (and feature), dated by the first period that raised it, with the latest figure:
 *   - the score drifted significantly from its reference (PSI >= 0.2, configurable);
 *   - a feature drifted (PSI > 0.2): look at how it is filled, it may explain a score drift;
 *   - the ranking fell: the AUC's 95% interval lies wholly below the validation AUC;
 *   - the calibration moved: slope outside [0.8, 1.2] (the ROI figures assume probabilities mean something).
 * Performance and calibration alerts need enough decided claims to mean anything (MIN_DECIDED); calibration alerts
 * are raised on the random arm only. A period the data does not cover to its end (a delivery cut mid-month) raises
 * none: its late declarations are missing, which moves some features (the declaration delay) without any drift.
 */
import {PSI_THRESHOLDS} from "../../src/lib/monitoring/psi.ts";
import type {FeatureFigures, MonitoringReport, PeriodFigures} from "./monitor.ts";

export interface ModelAlert {
  id: string;
  model_version: string;
  kind: "score_psi" | "feature_psi" | "auc" | "calibration";
  feature: string | null;
  /** First period that raised it, and the last one. */
  onset: string;
  last: string;
  /** The latest figure that raised it, and what it is compared with. */
  value: number;
  threshold: number;
  message: string;
}

export interface AlertThresholds {
  psi: number;
  featurePsi: number;
  slope: [number, number];
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  psi: PSI_THRESHOLDS.significant,
  featurePsi: PSI_THRESHOLDS.significant,
  slope: [0.8, 1.2]
};

/** Decided claims a period needs before its AUC or calibration can raise an alert. */
export const MIN_DECIDED = 30;

function firstAndLast<T extends {period: string}>(rows: readonly T[]) {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  return {first: sorted[0], last: sorted[sorted.length - 1]};
}

export function modelAlerts(report: MonitoringReport, thresholds: AlertThresholds = DEFAULT_THRESHOLDS): ModelAlert[] {
  const alerts: ModelAlert[] = [];
  for (const model of report.models) {
    const v = model.model_version;
    const periods = report.periods.filter((p) => p.model_version === v && p.complete);
    const complete = new Set(periods.map((p) => p.period));
    /** One alert from the periods that raised it: dated by the first, with the last one's figure. */
    const push = <T extends PeriodFigures | FeatureFigures>(
      kind: ModelAlert["kind"],
      feature: string | null,
      rows: readonly T[],
      value: (row: T) => number,
      threshold: number,
      message: string
    ) => {
      if (!rows.length) return;
      const {first, last} = firstAndLast(rows);
      alerts.push({
        id: `model:${v}:${kind}${feature ? `:${feature}` : ""}`,
        model_version: v,
        kind,
        feature,
        onset: first.period,
        last: last.period,
        value: value(last),
        threshold,
        message
      });
    };
    push(
      "score_psi",
      null,
      periods.filter((p) => p.psi !== null && p.psi >= thresholds.psi),
      (p: PeriodFigures) => p.psi!,
      thresholds.psi,
      `${v}'s score distribution moved away from its reference window (${model.reference.from} to ${model.reference.to}): look at the features' drift below, then at what changed in the data feeding the model`
    );
    const features = report.features.filter((f) => f.model_version === v && complete.has(f.period));
    for (const feature of [...new Set(features.map((f) => f.feature))].sort()) {
      push(
        "feature_psi",
        feature,
        features.filter((f) => f.feature === feature && f.psi !== null && f.psi > thresholds.featurePsi),
        (f: FeatureFigures) => f.psi!,
        thresholds.featurePsi,
        `${v}'s feature "${feature}" is no longer distributed as in the reference window: check how it is filled (a source system or an IT migration), before trusting ${v}'s scores`
      );
    }
    if (model.validation_auc !== null) {
      push(
        "auc",
        null,
        periods.filter((p) => p.auc_n >= MIN_DECIDED && p.auc_high !== null && p.auc_high < model.validation_auc!),
        (p: PeriodFigures) => p.auc!,
        model.validation_auc,
        `${v} ranks abuses worse than at validation (AUC ${model.validation_auc}): its 95% interval lies below; compare with the random arm's AUC and consider retraining`
      );
    }
    push(
      "calibration",
      null,
      // Only on the random arm: on the claims the rule and the model chose, abuses are over-represented whatever the
      // score says, and the slope measures the selection, not the model.
      periods.filter(
        (p) =>
          p.calibration_slope !== null &&
          p.calibration_sample === "random arm" &&
          p.auc_random_n >= MIN_DECIDED &&
          (p.calibration_slope < thresholds.slope[0] || p.calibration_slope > thresholds.slope[1])
      ),
      (p: PeriodFigures) => p.calibration_slope!,
      thresholds.slope[0],
      `${v}'s probabilities are off (calibration slope outside [${thresholds.slope.join(", ")}]): the expected savings on the ROI page rest on them; recalibrate`
    );
  }
  return alerts;
}
