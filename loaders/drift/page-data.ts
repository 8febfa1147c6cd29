/**
 * The claims-drift page's data, computed once at build time: A/E cells for every dimension, period grain and
 * guarantee (the page filters and aggregates them as inputs change), loss-ratio cells, and the page's metadata
 * (windows, rates, seasons). The drill-down's cubes are in drill.ts.
 */
import {CELL_COLUMNS} from "../../src/lib/drift/cells.ts";
import {CUSUM_DEFAULTS} from "../../src/lib/drift/cusum.ts";
import {grains} from "../../src/lib/periods.ts";
import {MIN_INSURED} from "../../src/lib/secrecy.ts";
import type {Engine} from "../engine/engine.ts";
import {shownAeCells, shownLossRatioCells} from "./cells.ts";
import {dimensionLabels, dimensions} from "./dimensions.ts";
import {prepareDrift, tables, type DriftWorkspace, type PrepareOptions} from "./prepare.ts";
import {chooseShownContracts, type ShownContracts} from "./shown.ts";
import {SEGMENT_CREDIBILITY} from "./sql/duckdb/ae-cells.ts";
import {SEASON_CREDIBILITY} from "./sql/duckdb/reference-rates.ts";

export {CELL_COLUMNS};

/**
 * Statistical secrecy at the source: a segment none of whose cells reaches MIN_INSURED insured would be masked in
 * every view of the page (a sum of cells is credited with its largest cell's count), so its cells are not written
 * to the published file at all. A static site is easy to copy; what is masked must not be downloadable either.
 */
export function withoutSmallSegments<T extends {segment?: unknown; insured?: unknown}>(
  rows: T[],
  group: (row: T) => string
): T[] {
  const largest = new Map<string, number>();
  for (const row of rows) {
    const key = `${group(row)}\u0000${String(row.segment)}`;
    largest.set(key, Math.max(largest.get(key) ?? 0, Number(row.insured ?? 0)));
  }
  return rows.filter((row) => (largest.get(`${group(row)}\u0000${String(row.segment)}`) ?? 0) >= MIN_INSURED);
}

export async function pageCells(drift: DriftWorkspace): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const dimension of dimensions) {
    for (const grain of grains) {
      const cells = (await shownAeCells(drift, dimension, grain, drift.setup.guarantees)).map((cell) => ({
        dimension,
        grain,
        ...cell
      }));
      // A loop, not push(...rows): a large portfolio's cells overflow the call stack as arguments.
      for (const cell of withoutSmallSegments(cells, (c) => `${c.dimension}/${c.grain}`)) out.push(cell);
    }
  }
  return out;
}

export const LOSS_RATIO_COLUMNS = [
  "dimension",
  "segment",
  "year",
  "premium_eur",
  "cost_eur",
  "claims",
  "loss_ratio",
  "insured",
  "exposure_years"
] as const;

export async function pageLossRatio(drift: DriftWorkspace): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const dimension of dimensions) {
    const cells = (await shownLossRatioCells(drift, dimension)).map((cell) => ({dimension, ...cell}));
    for (const cell of withoutSmallSegments(cells, (c) => c.dimension)) out.push(cell);
  }
  return out;
}

export async function pageMeta(drift: DriftWorkspace, snapshotDate: string, contracts: ShownContracts) {
  const {local: work, setup} = drift;
  const rates = await work.all(
    `SELECT guarantee, sex, job_category, age_band, annual_rate, reference_years, reference_claims FROM ${tables.rates}
     WHERE reference_years > 0 OR reference_years IS NULL ORDER BY guarantee, sex, job_category, age_band`
  );
  const season = await work.all(`SELECT guarantee, moy, factor FROM ${tables.season} ORDER BY guarantee, moy`);
  return {
    snapshot_date: snapshotDate,
    window: setup.window,
    reference: {...setup.reference, source: setup.referenceSource},
    guarantees: setup.guarantees,
    contracts,
    dimensions: dimensions.map((d) => ({id: d, label: dimensionLabels[d]})),
    cusum: {...CUSUM_DEFAULTS},
    credibility: {segment: SEGMENT_CREDIBILITY, season: SEASON_CREDIBILITY},
    rates,
    season
  };
}

/**
 * A workspace ready for the page's statements: prepared, with the contracts the page shows one by one chosen
 * (shown.ts). The caller closes the workspace.
 */
export async function preparePage(
  engine: Engine,
  options: PrepareOptions
): Promise<{drift: DriftWorkspace; contracts: ShownContracts}> {
  const drift = await prepareDrift(engine, options);
  try {
    return {drift, contracts: await chooseShownContracts(drift)};
  } catch (error) {
    await drift.close();
    throw error;
  }
}
