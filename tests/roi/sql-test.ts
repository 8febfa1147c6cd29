import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {roiReport} from "../../loaders/roi/report.ts";
import {loadScoreBands, loadScoredClaims, modelVersions, resolveModel} from "../../loaders/roi/scored-claims.ts";
import {buildBacktest} from "../../src/lib/roi/backtest.ts";
import {scoreBands} from "../../src/lib/roi/bands.ts";
import {handWorked} from "./fixtures.ts";
import {handWorkedTables, stagedTables} from "./tables.ts";

let engine: DuckDbEngine;
beforeAll(async () => {
  engine = await handWorkedTables();
});
afterAll(async () => {
  await engine.close();
});

describe("the backtest's claims in SQL", () => {
  it("keep decided claims scored by the model version, in score order with ties by claim id", async () => {
    const rows = await loadScoredClaims(engine, {model: "v2"});
    expect(rows.map((r) => [r.claim_id, r.score, r.abuse, r.saving_eur, r.arm, r.rank])).toEqual([
      ["A", 0.9, 1, 8000, "model", 1],
      ["B", 0.8, 0, 0, "rule", 2],
      ["C", 0.8, 1, 5000, "rule", 3],
      ["D", 0.5, 0, 0, "random", 4],
      ["E", 0.3, 1, 7000, "random", 5],
      ["F", 0.1, 0, 0, "rule", 6]
    ]);
  });

  it("count a no-show as a decided non-abuse", async () => {
    const rows = await loadScoredClaims(engine, {model: "v2"});
    expect(rows.find((r) => r.claim_id === "D")).toMatchObject({outcome: "no_show", abuse: 0});
  });

  it("filter on the year the expertise was ordered", async () => {
    expect((await loadScoredClaims(engine, {model: "v2", from: 2022})).map((r) => r.claim_id)).toEqual(["D", "E", "F"]);
    expect((await loadScoredClaims(engine, {model: "v2", to: 2021})).map((r) => r.claim_id)).toEqual(["A", "B", "C"]);
  });

  it("rank by the chosen version's scores", async () => {
    expect((await loadScoredClaims(engine, {model: "v1"})).map((r) => r.claim_id)).toEqual(["X", "A"]);
  });

  it("offer the most recently scored version first", async () => {
    expect((await modelVersions(engine)).map((v) => [v.model_version, v.scored_claims, v.last_scored])).toEqual([
      ["v2", 7, "2022-06-30"],
      ["v1", 2, "2021-01-31"]
    ]);
    expect(await resolveModel(engine)).toBe("v2");
    await expect(resolveModel(engine, "v9")).rejects.toThrow(/no model version "v9"; expected one of: v2, v1/);
  });

  it("fold several expertises of one claim: abuse if any found one, else pending while one is pending", async () => {
    const multi = await stagedTables(
      [
        ["e1", "H", "2022-01-01", "rule", "justified", 0],
        ["e2", "H", "2023-01-01", "model", "abuse", 6000],
        ["e3", "J", "2022-01-01", "random", "justified", 0],
        ["e4", "J", "2022-05-01", "rule", "pending", null],
        ["e5", "K", "2021-01-01", "rule", "justified", 0],
        ["e6", "K", "2021-02-01", "rule", "no_show", 0]
      ],
      [
        ["H", "2023-06-30", "v1", 0.4],
        ["J", "2023-06-30", "v1", 0.6],
        ["K", "2023-06-30", "v1", 0.2]
      ]
    );
    const rows = await loadScoredClaims(multi, {model: "v1"});
    await multi.close();
    expect(rows.map((r) => [r.claim_id, r.outcome, r.saving_eur, r.arm, r.year])).toEqual([
      ["H", "abuse", 6000, "rule", 2022],
      ["K", "no_show", 0, "rule", 2021]
    ]);
  });
});

describe("score bands in SQL", () => {
  it("match the hand-worked bands and the page's computation", async () => {
    const sqlBands = await loadScoreBands(engine, {model: "v2"}, 3);
    expect(
      sqlBands.map((b) => [
        b.band,
        b.claims,
        b.abuses,
        b.naive_precision,
        b.random_claims,
        b.random_abuses,
        b.random_precision
      ])
    ).toEqual([
      [1, 2, 1, 0.5, 0, 0, null],
      [2, 2, 1, 0.5, 1, 0, 0],
      [3, 2, 1, 0.5, 1, 1, 1]
    ]);
    const pageBands = scoreBands(buildBacktest(handWorked), 3).map(({start: _start, end: _end, ...rest}) => rest);
    expect(sqlBands).toEqual(pageBands);
  });
});

describe("the ROI report", () => {
  it("gives the hand-worked figures at the requested capacities, including one beyond the backtest", async () => {
    const report = await roiReport(engine, {
      economics: {costPerExpertise: 300, savingPerAbuse: null},
      capacities: [1, 3, 10]
    });
    expect(report).toMatchObject({
      model_version: "v2",
      claims: 6,
      abuses: 3,
      base_rate: 0.5,
      best: {k: 5, net_eur: 18500}
    });
    expect(report.rows.map((r) => [r.k, r.hits, r.savings_eur, r.cost_eur, r.net_eur])).toEqual([
      [1, 1, 8000, 300, 7700],
      [3, 2, 13000, 900, 12100],
      [6, 3, 20000, 1800, 18200]
    ]);
  });

  it("without capacities reports every tenth of the backtest and the optimum", async () => {
    const report = await roiReport(engine, {economics: {costPerExpertise: 300, savingPerAbuse: 1000}});
    // Tenths of 6 claims round to 1, 1, 2, 2, 3, 4, 4, 5, 5, 6; the optimum is 5.
    expect(report.rows.map((r) => r.k)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.best).toEqual({k: 5, net_eur: 1500});
    expect(report.break_even_precision).toBe(0.3);
  });
});
