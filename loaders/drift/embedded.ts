/**
 * Drift on the embedded DuckDB: the working tables are built in the extract's own engine, beside the staged
 * extract tables they read: the exposure cube and distinct-insured counts (never a row per insured and month),
 * one row per claim of the window, and the same for the reference window. Closing the workspace drops them; the engine stays open for its opener.
 */
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {withinMemory} from "../engine/out-of-memory.ts";
import {timedStep} from "../progress.ts";
import {AE_TABLE_PREFIX} from "./ae-tables.ts";
import {claimRowsSql} from "./local-sql.ts";
import {stageRates} from "./rates.ts";
import {createClaimFactsSql, windowBoundsSql} from "./sql/duckdb/claim-facts.ts";
import {factsSourceSql} from "./sql/duckdb/drill-cube.ts";
import {clipPiecesSql, createExposureSql, createPiecesSql} from "./sql/duckdb/exposure.ts";
import {coverCountsFromPieces, createInsuredCountsSql} from "./sql/duckdb/insured-counts.ts";
import {CLAIM_ROWS} from "./sql/duckdb/reference-rates.ts";
import {referenceWindow, tables, windowFromBounds, type DateWindow, type PrepareOptions} from "./window.ts";
import type {DriftWorkspace} from "./workspace.ts";

export async function prepareEmbedded(engine: DuckDbEngine, options: PrepareOptions): Promise<DriftWorkspace> {
  const [bounds] = await engine.all<{first: string | null; last: string | null}>(windowBoundsSql());
  const window = windowFromBounds(bounds?.first ?? null, bounds?.last ?? null, options);
  const reference = referenceWindow(window, options);
  const close = () => dropTables(engine);
  try {
    // Tables built in no particular order need far less memory; every read of them says its ORDER BY.
    await engine.run("SET preserve_insertion_order = false");
    const step = (name: string, sql: string) =>
      timedStep(`  drift: ${name}`, () => withinMemory(engine, `drift: ${name}`, () => engine.run(sql)));
    // The reference window's pieces are the analysis window's clipped when it lies inside (the default).
    const cube = async (name: string, table: string, range: DateWindow, pieces: string, from?: string) => {
      const sql = from ? clipPiecesSql(pieces, from, range) : createPiecesSql(pieces, range);
      await step(`${name} cover pieces`, sql);
      for (const statement of createExposureSql(table, pieces)) await step(`${name} exposure cube`, statement);
    };
    await cube("window", tables.exposure, window, tables.pieces);
    await step("claim facts", createClaimFactsSql(tables.facts, window));
    await step(
      "distinct insured per period",
      createInsuredCountsSql(tables.insured, tables.exposure, coverCountsFromPieces(tables.pieces), window)
    );
    // The reference window's exposure and claims give the rates (unless a file gives them), the seasonal
    // factors and each segment's baseline factor.
    const inside = reference.from >= window.from && reference.to <= window.to;
    await cube(
      "reference",
      tables.referenceExposure,
      reference,
      tables.referencePieces,
      inside ? tables.pieces : undefined
    );
    for (const pieces of [tables.pieces, tables.referencePieces]) await engine.run(`DROP TABLE ${pieces}`);
    await step("reference claim facts", createClaimFactsSql(tables.referenceFacts, reference));
    const rates = await withinMemory(engine, "drift: reference rates", () => stageRates(engine, options, CLAIM_ROWS));
    await engine.run("RESET preserve_insertion_order");
    return {
      setup: {window, reference, ...rates},
      local: engine,
      sql: claimRowsSql,
      drillSource: async () => factsSourceSql(tables.facts),
      close
    };
  } catch (error) {
    await engine.run("RESET preserve_insertion_order");
    await close();
    throw error;
  }
}

async function dropTables(engine: DuckDbEngine): Promise<void> {
  const cells = await engine.all<{name: string}>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, '${AE_TABLE_PREFIX}')`
  );
  for (const table of [...Object.values(tables), ...cells.map((t) => t.name)])
    await engine.run(`DROP TABLE IF EXISTS ${table}`);
}
