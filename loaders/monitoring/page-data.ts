/**
 * The /model-monitoring page's data and the delivery's model alerts, computed once by the preparation: the report at
 * both grains, and the alerts — drift (score and feature PSI) by month, ranking and calibration by quarter, where a
 * period holds enough decided expertises for an interval to mean something.
 */
import type {DuckDbEngine} from "../engine/duckdb.ts";
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
