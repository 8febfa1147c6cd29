/** A/E cells and loss-ratio cells read from the working tables of a prepared drift workspace. */
import type {Cell, LossRatioCell as PublishedLossRatioCell} from "../../src/lib/drift/cells.ts";
import type {Grain} from "../../src/lib/periods.ts";
import {periodLabel} from "../../src/lib/periods.ts";
import {withinMemory} from "../engine/out-of-memory.ts";
import {literal} from "../engine/sql.ts";
import {aeTable} from "./ae-tables.ts";
import type {Dimension} from "./dimensions.ts";
import {foldContractsSql} from "./shown.ts";
import type {Baseline} from "./sql/duckdb/ae-cells.ts";
import type {DriftWorkspace} from "./workspace.ts";

/** An A/E cell as the queries return it, before the loader adds its dimension and grain. */
export type AeCell = Omit<Cell, "dimension" | "grain">;

export async function aeCells(
  drift: DriftWorkspace,
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline = "segment"
): Promise<AeCell[]> {
  if (!guarantees.length) return [];
  // A guarantee outside the delivery's has no rates: its own statement says what its cells are.
  if (!guarantees.every((g) => drift.setup.guarantees.includes(g)))
    return readAeCells(drift, dimension, grain, drift.sql.aeCellsSql(dimension, grain, guarantees, baseline));
  const table = await aeTable(drift, dimension, grain, baseline);
  return readAeCells(
    drift,
    dimension,
    grain,
    `SELECT * FROM ${table} WHERE guarantee IN (${guarantees.map(literal).join(", ")})
     ORDER BY segment, guarantee, period_start`
  );
}

/**
 * Every guarantee-filtered A/E cell of `dimension` x `grain`, handed over `batch` segments at a time (segments in
 * order, each batch whole): a portfolio's contracts x months never sit in memory at once.
 */
export async function* aeCellsBySegments(
  drift: DriftWorkspace,
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[],
  baseline: Baseline,
  batch: number
): AsyncGenerator<AeCell[]> {
  if (!guarantees.length) return;
  const table = await aeTable(drift, dimension, grain, baseline);
  const inList = guarantees.map(literal).join(", ");
  const segments = (
    await drift.local.all<{segment: unknown}>(
      `SELECT DISTINCT segment FROM ${table} WHERE guarantee IN (${inList}) ORDER BY segment`
    )
  ).map((r) => r.segment);
  for (let i = 0; i < segments.length; i += batch) {
    const last = segments[Math.min(i + batch, segments.length) - 1];
    yield readAeCells(
      drift,
      dimension,
      grain,
      `SELECT * FROM ${table} WHERE guarantee IN (${inList})
       AND segment BETWEEN ${literal(String(segments[i]))} AND ${literal(String(last))}
       ORDER BY segment, guarantee, period_start`
    );
  }
}

/** The page's A/E cells: as aeCells, with the contracts not shown summed into one segment (shown.ts). */
export async function shownAeCells(
  drift: DriftWorkspace,
  dimension: Dimension,
  grain: Grain,
  guarantees: readonly string[]
): Promise<AeCell[]> {
  if (!guarantees.length) return [];
  if (dimension !== "contract") return aeCells(drift, dimension, grain, guarantees, "segment");
  const table = await aeTable(drift, dimension, grain, "segment");
  const sql = foldContractsSql(
    `SELECT * FROM ${table} WHERE guarantee IN (${guarantees.map(literal).join(", ")})`,
    dimension,
    ["period_start", "guarantee"],
    ["exposure_years", "insured", "actual", "expected", "expected_portfolio", "cost_eur"],
    "segment, guarantee, period_start"
  );
  return readAeCells(drift, dimension, grain, sql);
}

async function readAeCells(drift: DriftWorkspace, dimension: Dimension, grain: Grain, sql: string): Promise<AeCell[]> {
  const rows = await withinMemory(drift.local, `drift: A/E cells by ${dimension} and ${grain}`, () =>
    drift.local.all<Omit<AeCell, "period">>(sql)
  );
  return rows.map((row) => ({...row, period: periodLabel(row.period_start, grain), segment: String(row.segment)}));
}

/** A loss-ratio cell as the query returns it, before the loader adds its dimension. */
type LossRatioCell = Omit<PublishedLossRatioCell, "dimension">;

export async function lossRatioCells(drift: DriftWorkspace, dimension: Dimension): Promise<LossRatioCell[]> {
  return readLossRatio(drift, dimension, drift.sql.lossRatioSql(dimension));
}

/** The page's S/P cells: as lossRatioCells, with the contracts not shown summed into one segment (shown.ts). */
export async function shownLossRatioCells(drift: DriftWorkspace, dimension: Dimension): Promise<LossRatioCell[]> {
  if (dimension !== "contract") return lossRatioCells(drift, dimension);
  const summed = foldContractsSql(
    drift.sql.lossRatioSql(dimension),
    dimension,
    ["year"],
    ["premium_eur", "cost_eur", "claims", "insured", "exposure_years"],
    "segment, year"
  );
  // The summed rows get their S/P again from the sums.
  return readLossRatio(
    drift,
    dimension,
    `SELECT segment, year, premium_eur, cost_eur, claims,
       CASE WHEN premium_eur > 0 THEN cost_eur / premium_eur END AS loss_ratio, insured, exposure_years
FROM (${summed}) ORDER BY segment, year`
  );
}

async function readLossRatio(drift: DriftWorkspace, dimension: Dimension, sql: string): Promise<LossRatioCell[]> {
  const rows = await withinMemory(drift.local, `drift: loss ratio by ${dimension}`, () =>
    drift.local.all<LossRatioCell>(sql)
  );
  return rows.map((row) => ({...row, segment: String(row.segment)}));
}
