/**
 * The ROI page's per-claim file: the rows of pageClaims written with the narrowest exact Arrow types, read back
 * as the page reads them (tableFromIPC, then each column's values) and equal to the rows, nulls included.
 */
import {tableFromIPC, Type} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import type {Row} from "../../loaders/engine/engine.ts";
import {pageClaims, pageClaimsArrow} from "../../loaders/roi/page-data.ts";
import {handWorkedTables} from "./tables.ts";

let engine: DuckDbEngine;
let rows: Row[];

beforeAll(async () => {
  engine = await handWorkedTables();
  rows = await pageClaims(engine);
});
afterAll(() => engine?.close());

describe("the ROI page's claims file", () => {
  test("holds the seven backtest columns with narrow exact types", () => {
    const table = tableFromIPC(pageClaimsArrow(rows));
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, f.type]));
    expect(Object.keys(types)).toEqual(["model_version", "rank", "score", "year", "abuse", "saving_eur", "arm"]);
    expect(types.model_version.typeId).toBe(Type.Dictionary);
    expect(types.arm.typeId).toBe(Type.Dictionary);
    expect(types.rank.typeId).toBe(Type.Int);
    expect([types.rank.bitWidth, types.year.bitWidth, types.abuse.bitWidth]).toEqual([32, 16, 8]);
    expect([types.score.typeId, types.saving_eur.typeId]).toEqual([Type.Float, Type.Float]);
    expect(types.score.precision).toBe(2); // 64-bit: the page's backtest equals carnet roi's
  });

  const readBack = (written: Row[]) =>
    tableFromIPC(pageClaimsArrow(written))
      .toArray()
      .map((r) => ({...r.toJSON()}));

  test("reads back as the rows it was written from", () => {
    expect(rows.length).toBeGreaterThan(5);
    expect(readBack(rows)).toEqual(rows.map((r) => ({...r})));
  });

  test("keeps a missing saving null and a score to the last bit", () => {
    const claim = {
      model_version: "v3",
      rank: 1,
      score: 0.1 + 0.2,
      year: 2025,
      abuse: 1,
      saving_eur: null,
      arm: "random"
    };
    expect(readBack([claim])).toEqual([claim]);
  });
});
