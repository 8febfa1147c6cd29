/**
 * The reliability diagram and the contribution profile per period, on hand-made staged tables whose figures are
 * worked out by hand below: the page's period picker shows these, so each period must hold its own claims only, and
 * "every period together" (period null) the pooled ones.
 *
 * v1 has no model card, so its reference is its first six months of scores: all 41 claims below. Sorted, 24 score
 * 0.25 (ranks 0..23) and 17 score 0.85 (ranks 24..40); quantile_cont's decile q sits at rank 40q, so the deciles
 * 0.1..0.5 are 0.25 and 0.6..0.9 are 0.85: a 0.25 score has no edge below it (band 0), a 0.85 score five (band 5).
 *   2024-01: 12 claims at 0.25, feature x = 1, contribution -1;
 *   2024-02: 12 at 0.25 (x = 2, -0.5) and 12 at 0.85 (x = 5, +2);
 *   2024-03: 5 at 0.85 (x = 8, +3): fewer than 11 claims, masked.
 * Decided expertises, all on the random arm (reliability bins are (0.2, 0.3] = bin 2 and (0.8, 0.9] = bin 8):
 *   2024-01: the twelve 0.25 claims, three abuses;
 *   2024-02: the twelve 0.85 claims, nine abuses, and two 0.25 claims, no abuse (a bin of 2: masked);
 *   2024-03: the five claims, four abuses: fewer than 11 decided, so no AUC, calibration or precision at all.
 */
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {monitor, type MonitoringReport} from "../../loaders/monitoring/monitor.ts";
import {monitoringFiles} from "../../loaders/monitoring/page-data.ts";

const claims: [id: string, date: string, score: number, value: number, contribution: number][] = [
  ...Array.from({length: 12}, (_, i) => [`J${i}`, "2024-01-15", 0.25, 1, -1] as const),
  ...Array.from({length: 12}, (_, i) => [`F${i}`, "2024-02-15", 0.25, 2, -0.5] as const),
  ...Array.from({length: 12}, (_, i) => [`G${i}`, "2024-02-20", 0.85, 5, 2] as const),
  ...Array.from({length: 5}, (_, i) => [`M${i}`, "2024-03-10", 0.85, 8, 3] as const)
].map((c) => [...c]);

const outcomes = (prefix: string, abuses: number, others: number): [claim: string, outcome: string][] => [
  ...Array.from({length: abuses}, (_, i): [string, string] => [`${prefix}${i}`, "abuse"]),
  ...Array.from({length: others}, (_, i): [string, string] => [
    `${prefix}${abuses + i}`,
    i % 2 ? "no_show" : "justified"
  ])
];
const decided = [...outcomes("J", 3, 9), ...outcomes("G", 9, 3), ...outcomes("F", 0, 2), ...outcomes("M", 4, 1)];

let engine: DuckDbEngine;
let report: MonitoringReport;

beforeAll(async () => {
  engine = await DuckDbEngine.open();
  await engine.run(`CREATE TABLE scores (claim_id VARCHAR, scored_date DATE, model_version VARCHAR, score DOUBLE)`);
  await engine.run(`CREATE TABLE expertises (expertise_id VARCHAR, claim_id VARCHAR, ordered_date DATE,
    selection VARCHAR, score DOUBLE, outcome VARCHAR, cost_eur DOUBLE, saving_eur DOUBLE)`);
  await engine.run(`CREATE TABLE models (model_version VARCHAR, trained_from DATE, trained_to DATE, deployed_date DATE,
    validation_auc DOUBLE, features VARCHAR, base_value DOUBLE, description VARCHAR)`);
  await engine.run(`CREATE TABLE score_features (claim_id VARCHAR, model_version VARCHAR, feature VARCHAR,
    value DOUBLE, contribution DOUBLE)`);
  await engine.run(
    `INSERT INTO scores VALUES ${claims.map(([id, date, score]) => `('${id}', DATE '${date}', 'v1', ${score})`).join(", ")}`
  );
  await engine.run(
    `INSERT INTO score_features VALUES ${claims.map(([id, , , value, c]) => `('${id}', 'v1', 'x', ${value}, ${c})`).join(", ")}`
  );
  await engine.run(
    `INSERT INTO expertises VALUES ${decided
      .map(([id, outcome], i) => `('E${i}', '${id}', DATE '2024-04-01', 'random', NULL, '${outcome}', 300, NULL)`)
      .join(", ")}`
  );
  report = await monitor(engine, "month");
});

afterAll(() => engine?.close());

const profile = (period: string | null, band: number) =>
  report.profile.find((p) => p.period === period && p.band === band && p.feature === "x");
const reliability = (period: string | null) =>
  report.reliability
    .filter((r) => r.period === period && r.claims > 0)
    .map(({bin, claims, mean_predicted, observed_rate, masked}) => ({
      bin,
      claims,
      mean_predicted,
      observed_rate,
      masked
    }));
const month = (period: string) => report.periods.find((p) => p.period === period)!;

describe("the contribution profile per period", () => {
  test("holds each month's own claims in each score band", () => {
    expect(profile("2024-01", 0)).toMatchObject({claims: 12, mean_contribution: -1, mean_value: 1, masked: false});
    expect(profile("2024-02", 0)).toMatchObject({claims: 12, mean_contribution: -0.5, mean_value: 2, masked: false});
    expect(profile("2024-02", 5)).toMatchObject({claims: 12, mean_contribution: 2, mean_value: 5, masked: false});
    expect(profile("2024-01", 5)).toBeUndefined();
  });

  test("masks a month's band of fewer than 11 claims, keeping only its count", () => {
    expect(profile("2024-03", 5)).toEqual({
      model_version: "v1",
      period: "2024-03",
      band: 5,
      feature: "x",
      claims: 5,
      mean_contribution: null,
      mean_abs_contribution: null,
      mean_value: null,
      masked: true
    });
  });

  test("pools every month under period null, the masked month's claims included", () => {
    expect(profile(null, 0)).toMatchObject({claims: 24, mean_contribution: -0.75, mean_value: 1.5, masked: false});
    const top = profile(null, 5)!;
    expect(top.claims).toBe(17);
    expect(top.mean_contribution).toBeCloseTo((12 * 2 + 5 * 3) / 17, 12);
    expect(top.mean_value).toBeCloseTo((12 * 5 + 5 * 8) / 17, 12);
  });
});

describe("the reliability diagram per period", () => {
  test("counts each month's decided claims on the random arm, masking a bin of fewer than 11", () => {
    expect(reliability("2024-01")).toEqual([
      {bin: 2, claims: 12, mean_predicted: 0.25, observed_rate: 0.25, masked: false}
    ]);
    expect(reliability("2024-02")).toEqual([
      {bin: 2, claims: 2, mean_predicted: null, observed_rate: null, masked: true},
      {bin: 8, claims: 12, mean_predicted: expect.closeTo(0.85, 12), observed_rate: 0.75, masked: false}
    ]);
  });

  test("has no bin for a month of fewer than 11 decided claims", () => {
    expect(report.reliability.filter((r) => r.period === "2024-03")).toEqual([]);
  });

  test("pools every month under period null, the small month's claims included", () => {
    const all = reliability(null);
    expect(all.map((b) => [b.bin, b.claims, b.masked])).toEqual([
      [2, 14, false],
      [8, 17, false]
    ]);
    expect(all[0].observed_rate).toBeCloseTo(3 / 14, 12);
    expect(all[1].observed_rate).toBeCloseTo(13 / 17, 12);
    expect(report.reliability.find((r) => r.period === null)?.sample).toBe("random arm");
  });
});

describe("the figures of a period", () => {
  test("give an AUC of one half when every claim has the same score (ties count one half)", () => {
    expect(month("2024-01")).toMatchObject({auc: 0.5, auc_n: 12, auc_random: 0.5, calibration_sample: "random arm"});
  });

  test("give the Mann-Whitney AUC of a hand-counted month: (9 x 2 wins + 9 x 3 ties / 2) / 45 = 0.7", () => {
    expect(month("2024-02").auc).toBeCloseTo(0.7, 12);
    expect(month("2024-02").realised_precision).toBeCloseTo(9 / 14, 12);
  });

  test("are masked, not zero, for a month of fewer than 11 decided claims, the count kept", () => {
    expect(month("2024-03")).toMatchObject({
      auc: null,
      auc_low: null,
      auc_random: null,
      auc_n: 5,
      auc_random_n: 5,
      brier: null,
      ece: null,
      calibration_slope: null,
      calibration_sample: null,
      realised_precision: null
    });
  });
});

describe("the page's files", () => {
  test("carry the profile of both grains in Arrow, every period together as a null period, and no profile in the JSON", async () => {
    const quarter = await monitor(engine, "quarter");
    const files = monitoringFiles({month: report, quarter, alerts: []});
    const page = JSON.parse(files.page);
    expect(page.month.profile).toEqual([]);
    expect(page.quarter.periods.length).toBe(quarter.periods.length);
    const rows = tableFromIPC(files.profile)
      .toArray()
      .map((r) => r.toJSON());
    const expected = [
      ...report.profile.map((p) => ({grain: "month", ...p})),
      ...quarter.profile.map((p) => ({grain: "quarter", ...p}))
    ].map(({mean_abs_contribution: _unused, ...p}) => p);
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r.grain === "quarter" && r.period === "2024-Q1").map((r) => r.claims)).toEqual([24, 17]);
  });
});
