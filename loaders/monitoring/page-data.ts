/**
 * The /model-monitoring page's data and the delivery's model alerts, computed once by the preparation: the report at
 * both grains, and the alerts — drift (score and feature PSI) by month, ranking and calibration by quarter, where a
 * period holds enough decided expertises for an interval to mean something.
 */
import {Bool, Dictionary, Float64, Int32, Int8, Utf8} from "apache-arrow";
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {typedArrowBytes} from "../output/arrow.ts";
import {modelAlerts, type ModelAlert} from "./alerts.ts";
import {monitor, type MonitoringReport} from "./monitor.ts";

export interface MonitoringPageData {
  month: MonitoringReport;
  quarter: MonitoringReport;
  alerts: ModelAlert[];
}

export async function monitoringPageData(engine: DuckDbEngine): Promise<MonitoringPageData> {
  const month = await monitor(engine, "month");
  const quarter = await monitor(engine, "quarter");
  const drift = modelAlerts(month).filter((a) => a.kind === "score_psi" || a.kind === "feature_psi");
  const performance = modelAlerts(quarter).filter((a) => a.kind === "auc" || a.kind === "calibration");
  return {month, quarter, alerts: [...drift, ...performance]};
}

/** The contribution profile's columns on the page (period null: every period together). */
const PROFILE_TYPES = {
  grain: new Dictionary(new Utf8(), new Int8()),
  model_version: new Dictionary(new Utf8(), new Int8()),
  period: new Dictionary(new Utf8(), new Int32()),
  band: new Int8(),
  feature: new Dictionary(new Utf8(), new Int8()),
  claims: new Int32(),
  mean_contribution: new Float64(),
  mean_value: new Float64(),
  masked: new Bool()
};

/**
 * What the pages download: the report without its contribution profile (model-monitoring.json); the profile of
 * both grains as Arrow (model-profile.arrow: versions x periods x bands x features rows, four fifths of the report
 * in JSON); and the alerts alone (model-alerts.json), all the ROI page needs.
 */
export function monitoringFiles(data: MonitoringPageData): {page: string; profile: Uint8Array; alerts: string} {
  const profile = (["month", "quarter"] as const).flatMap((grain) =>
    data[grain].profile.map((row) => ({grain, ...row}))
  );
  const withoutProfile = (report: MonitoringReport) => ({...report, profile: []});
  return {
    page: JSON.stringify({...data, month: withoutProfile(data.month), quarter: withoutProfile(data.quarter)}),
    profile: typedArrowBytes(profile, PROFILE_TYPES),
    alerts: JSON.stringify(data.alerts)
  };
}
