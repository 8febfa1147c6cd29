/**
 * A/E cells computed once per workspace: each (dimension, grain, baseline) statement runs for every guarantee
 * into a table of the workspace, which the page's cells, the choice of shown contracts and the value report's
 * alerts all read, instead of each running the statement again over the exposure cube. Tables are named
 * `drift_ae_<dimension>_<grain>_<baseline>`; closing the workspace drops them (embedded.ts).
 */
import type {Grain} from "../../src/lib/periods.ts";
import {withinMemory} from "../engine/out-of-memory.ts";
import type {Dimension} from "./dimensions.ts";
import type {Baseline} from "./sql/duckdb/ae-cells.ts";
import type {DriftWorkspace} from "./workspace.ts";

export const AE_TABLE_PREFIX = "drift_ae_";

const made = new WeakMap<DriftWorkspace, Map<string, Promise<string>>>();

/** The table holding the A/E cells of `dimension` x `grain` for every guarantee of the workspace. */
export function aeTable(
  drift: DriftWorkspace,
  dimension: Dimension,
  grain: Grain,
  baseline: Baseline
): Promise<string> {
  let tables = made.get(drift);
  if (!tables) made.set(drift, (tables = new Map()));
  const name = `${AE_TABLE_PREFIX}${dimension}_${grain}_${baseline}`;
  let table = tables.get(name);
  if (!table) {
    const {guarantees} = drift.setup;
    const expected = `${name}_expected`;
    // In two steps, the expected counts first: in one statement the contract x month cells of ten million claims
    // (15 million groups, joined twice) outgrow the memory limit. Stored unordered: every read says its ORDER BY.
    const steps = [
      "SET preserve_insertion_order = false",
      `CREATE OR REPLACE TABLE ${expected} AS ${drift.sql.expectedCellsSql(dimension, grain, guarantees, baseline)}`,
      `CREATE OR REPLACE TABLE ${name} AS ${drift.sql.aeCellsSql(dimension, grain, guarantees, baseline, {expected, ordered: false})}`,
      `DROP TABLE ${expected}`
    ];
    table = withinMemory(drift.local, `drift: A/E cells by ${dimension} and ${grain}`, async () => {
      try {
        for (const sql of steps) await drift.local.run(sql);
      } finally {
        await drift.local.run("RESET preserve_insertion_order");
      }
    }).then(() => name);
    // A failed statement is not remembered: the next caller sees the same failure, not a missing table.
    table.catch(() => tables.delete(name));
    tables.set(name, table);
  }
  return table;
}
