/**
 * Claims drift's figure for the value report, taken from the drift report's alerts (loaders/drift/drift.ts): the excess
 * claims cost of the alerted segments since each drift's onset (excess claims x mean cost of the segment's
 * claims since the onset), on the incapacity guarantee, by contract and by sector. Only alerts with a positive
 * excess count. The total is masked when the alerts describe fewer than 11 insured.
 */
import type {DriftAlert} from "../../../src/lib/drift/alerts.ts";
import {publishable} from "../../../src/lib/secrecy.ts";
import type {Dimension} from "../../drift/dimensions.ts";
import {driftAlertsOn} from "../../drift/drift.ts";
import {withDrift, type DriftWorkspace} from "../../drift/prepare.ts";
import type {Engine} from "../../engine/engine.ts";

export interface DriftDimensionFigures {
  dimension: Dimension;
  guarantee: string;
  alerts: number;
  excess_claims: number | null;
  excess_cost_eur: number | null;
  /** Lower bound on the insured the alerts describe (sum of each alert's largest monthly exposure). */
  insured: number;
  masked: boolean;
  /** First onset among the alerts, "YYYY-MM". */
  first_onset: string | null;
}

export interface DriftFigures {
  window: {from: string; to: string};
  by: DriftDimensionFigures[];
}

export interface DriftFigureOptions {
  snapshotDate?: string;
  extractsDir?: string;
  dimensions?: readonly Dimension[];
  guarantee?: string;
}

export async function driftFigures(engine: Engine, options: DriftFigureOptions = {}): Promise<DriftFigures | null> {
  const claims = await engine.all<{n: number}>(`SELECT count(*) AS n FROM claims`);
  if (!claims[0]?.n) return null;
  const prepare = {snapshotDate: options.snapshotDate, extractsDir: options.extractsDir};
  return withDrift(engine, prepare, (drift) => driftFiguresOn(drift, options));
}

/** The figures over an already prepared drift workspace (the prepared delivery shares the page's). */
export async function driftFiguresOn(
  drift: DriftWorkspace,
  options: Pick<DriftFigureOptions, "dimensions" | "guarantee"> = {},
  /** The incapacity alerts of a dimension when already computed (the preparation computes every dimension's). */
  computed?: (dimension: Dimension) => DriftAlert[]
): Promise<DriftFigures> {
  const guarantee = options.guarantee ?? "incapacity";
  const by: DriftDimensionFigures[] = [];
  for (const dimension of options.dimensions ?? (["contract", "sector"] as const)) {
    const alerts =
      computed && guarantee === "incapacity" ? computed(dimension) : await driftAlertsOn(drift, {dimension, guarantee});
    const drifting = alerts.filter((alert) => alert.excess_cost_eur > 0);
    const insured = drifting.reduce((sum, a) => sum + a.insured, 0);
    const masked = drifting.length > 0 && !publishable(insured);
    by.push({
      dimension,
      guarantee,
      alerts: drifting.length,
      excess_claims: masked ? null : drifting.reduce((sum, a) => sum + a.excess_claims, 0),
      excess_cost_eur: masked ? null : drifting.reduce((sum, a) => sum + a.excess_cost_eur, 0),
      insured,
      masked,
      first_onset: drifting.length ? drifting.map((a) => a.onset).sort()[0] : null
    });
  }
  return {window: drift.setup.window, by};
}
