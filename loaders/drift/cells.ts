/** A/E cells and loss-ratio cells read from the working tables of a prepared drift workspace. */
import type {Cell, LossRatioCell as PublishedLossRatioCell} from "../../src/lib/drift/cells.ts";
import type {Grain} from "../../src/lib/periods.ts";
import {periodLabel} from "../../src/lib/periods.ts";
import {withinMemory} from "../engine/out-of-memory.ts";
import type {Dimension} from "./dimensions.ts";
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
  const rows = await withinMemory(drift.local, `drift: A/E cells by ${dimension} and ${grain}`, () =>
    drift.local.all<Omit<AeCell, "period">>(drift.sql.aeCellsSql(dimension, grain, guarantees, baseline))
  );
  return rows.map((row) => ({...row, period: periodLabel(row.period_start, grain), segment: String(row.segment)}));
}

/** A loss-ratio cell as the query returns it, before the loader adds its dimension. */
type LossRatioCell = Omit<PublishedLossRatioCell, "dimension">;

export async function lossRatioCells(drift: DriftWorkspace, dimension: Dimension): Promise<LossRatioCell[]> {
  const rows = await withinMemory(drift.local, `drift: loss ratio by ${dimension}`, () =>
    drift.local.all<LossRatioCell>(drift.sql.lossRatioSql(dimension))
  );
  return rows.map((row) => ({...row, segment: String(row.segment)}));
}
