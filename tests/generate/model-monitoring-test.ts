/**
 * The model-monitoring files of the synthetic extracts: models.csv (the cards of v1 and v2) and score_features.csv
 * (each written score's feature values and contributions to its logit), accepted whole by the real `carnet check`,
 * consistent with scores.csv to 1e-9, and the planted model drift of truth.json visible in them.
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {contract} from "../../loaders/extracts/contract.ts";
import type {Truth} from "../../loaders/generate/truth.ts";
import {carnet} from "../cli/run-carnet.ts";
import {generated, openGenerated, value} from "./fixture.ts";

const summary = generated(5, 0.2);
const truth = summary.truth;
const drift = truth.model_drift!;
const root = mkdtempSync(join(tmpdir(), "carnet-gen-monitoring-"));
let db: DuckDbEngine;

interface Card {
  model_version: string;
  trained_from: string;
  trained_to: string;
  deployed_date: string | null;
  validation_auc: number;
  features: string;
  base_value: number;
  description: string;
}
let cards: Card[];
const featuresOf = (version: string) => cards.find((c) => c.model_version === version)!.features.split("|");

beforeAll(async () => {
  db = await openGenerated(summary.out);
  cards = await db.all<Card & Record<string, unknown>>(
    `SELECT model_version, trained_from::VARCHAR AS trained_from, trained_to::VARCHAR AS trained_to,
            deployed_date::VARCHAR AS deployed_date, validation_auc, features, base_value, description
     FROM models ORDER BY model_version`
  );
  // Each feature row with its score's date and the drift's side of it.
  await db.run(`CREATE TABLE dated AS
    SELECT f.*, s.scored_date, s.scored_date >= DATE '${drift.from}-01' AS after
    FROM score_features f JOIN scores s USING (claim_id, model_version)`);
});
afterAll(async () => {
  await db?.close();
  rmSync(root, {recursive: true, force: true});
});

describe("models.csv", () => {
  test("holds the cards of v1 and v2, each trained before its deployment; v2 deployed later, backtested on its window's end", async () => {
    expect(cards.map((c) => c.model_version)).toEqual(["v1", "v2"]);
    const first = async (version: string) =>
      value<string>(db, `SELECT min(scored_date)::VARCHAR FROM scores WHERE model_version = '${version}'`);
    for (const card of cards) {
      expect(card.trained_from < card.trained_to, card.model_version).toBe(true);
      expect(card.trained_to < card.deployed_date!, card.model_version).toBe(true);
      expect(card.validation_auc).toBeGreaterThan(0.7);
      expect(card.validation_auc).toBeLessThan(0.85);
      expect(card.description.length).toBeGreaterThan(20);
    }
    const [v1, v2] = cards;
    // v1 scores from its deployment; v2 has scores inside its training window (the reference for drift).
    expect(await first("v1")).toBe(v1.deployed_date);
    expect((await first("v2")) <= v2.trained_to).toBe(true);
    expect(v1.deployed_date! < v2.deployed_date!).toBe(true);
    expect(v2.validation_auc).toBeGreaterThan(v1.validation_auc);
  });

  test("v1 and v2 use 5 to 8 features, overlapping but different", () => {
    const [v1, v2] = [featuresOf("v1"), featuresOf("v2")];
    for (const features of [v1, v2]) {
      expect(features.length).toBeGreaterThanOrEqual(5);
      expect(features.length).toBeLessThanOrEqual(8);
      expect(new Set(features).size).toBe(features.length);
    }
    expect(v1.filter((f) => v2.includes(f)).length).toBeGreaterThanOrEqual(3);
    expect(v1.filter((f) => !v2.includes(f)).length + v2.filter((f) => !v1.includes(f)).length).toBeGreaterThan(0);
  });
});

describe("score_features.csv", () => {
  test("has the contract's header, and truth.json counts its rows", () => {
    const header = readFileSync(join(summary.out, "score_features.csv"), "utf8").split("\n", 1)[0];
    expect(header).toBe(
      contract
        .find((f) => f.name === "score_features")!
        .columns.map((c) => c.name)
        .join(",")
    );
    expect(truth.rows.score_features).toBeGreaterThan(5 * truth.rows.scores);
  });

  test("every written score has one row per feature of its version, and every row a written score", async () => {
    expect(await value(db, "SELECT count(*) FROM score_features")).toBe(truth.rows.score_features);
    expect(
      await value(db, "SELECT count(*) FROM score_features f ANTI JOIN scores s USING (claim_id, model_version)")
    ).toBe(0);
    for (const card of cards) {
      const list = featuresOf(card.model_version)
        .map((f) => `'${f}'`)
        .join(", ");
      const wrong = await value(
        db,
        `SELECT count(*) FROM scores s LEFT JOIN (
           SELECT claim_id, model_version, count(*) AS n, count(*) FILTER (WHERE feature NOT IN (${list})) AS other
           FROM score_features GROUP BY ALL) f USING (claim_id, model_version)
         WHERE s.model_version = '${card.model_version}' AND (f.n IS DISTINCT FROM ${featuresOf(card.model_version).length} OR f.other > 0)`
      );
      expect(wrong, card.model_version).toBe(0);
    }
  });

  test("the contributions of a claim and version sum to logit(score) - base_value within 1e-9, for every written score", async () => {
    const [r] = await db.all<{pairs: number; worst: number}>(`
      SELECT count(*) AS pairs, max(abs(total - (ln(s.score / (1 - s.score)) - m.base_value))) AS worst
      FROM (SELECT claim_id, model_version, sum(contribution) AS total FROM score_features GROUP BY ALL) f
      JOIN scores s USING (claim_id, model_version) JOIN models m USING (model_version)`);
    expect(Number(r.pairs)).toBe(truth.rows.scores);
    expect(r.worst).toBeLessThan(1e-9);
  });

  test("a feature's value drives its contribution: a higher prescriber ratio, a larger contribution", async () => {
    const [r] = await db.all<{rho: number}>(`
      SELECT corr(value, contribution) AS rho FROM score_features
      WHERE model_version = 'v1' AND feature = 'prescriber_ratio' AND value IS NOT NULL`);
    expect(r.rho).toBeGreaterThan(0.3);
  });
});

describe("carnet check on the generated folder", () => {
  test("accepts every row of models.csv and score_features.csv (rows read = file lines)", () => {
    const check = carnet(["check", "--extracts", summary.out, "--format", "json"], {CARNET_CACHE: join(root, "cache")});
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as {
      files: {file: string; rows_read: number; rows_accepted: number; rows_rejected: number}[];
      rejects: unknown[];
    };
    expect(report.rejects).toEqual([]);
    for (const name of ["models", "score_features"]) {
      const file = report.files.find((f) => f.file === `${name}.csv`);
      expect(file, name).toEqual({
        file: `${name}.csv`,
        rows_read: truth.rows[name],
        rows_accepted: truth.rows[name],
        rows_rejected: 0
      });
    }
  });
});

describe("the planted model drift", () => {
  test("is recorded in truth.json: v2, a feature only v2 uses, a month after v2's deployment inside the scored period", () => {
    expect(drift).toMatchObject({model_version: "v2", feature: "dsn_absence_days_12m"});
    expect(featuresOf("v2")).toContain(drift.feature);
    expect(featuresOf("v1")).not.toContain(drift.feature);
    expect(drift.from).toMatch(/^\d{4}-\d{2}$/);
    expect(`${drift.from}-01` > cards[1].deployed_date!).toBe(true);
    expect(drift.from >= "2024-09" && drift.from <= "2025-03").toBe(true);
    expect(drift.description).toContain(drift.feature);
  });

  test("the feature's values jump from the month on (recorded in hours), in the file as in truth.json", async () => {
    const means = await db.all<{after: boolean; mean: number; n: number}>(`
      SELECT after, avg(value) AS mean, count(value) AS n FROM dated
      WHERE model_version = 'v2' AND feature = '${drift.feature}' GROUP BY after ORDER BY after`);
    expect(means.map((m) => m.after)).toEqual([false, true]);
    const [before, after] = means;
    expect(after.mean).toBeGreaterThan(5 * before.mean);
    expect(before.mean).toBeCloseTo(drift.feature_mean.before!, 3);
    expect(after.mean).toBeCloseTo(drift.feature_mean.after!, 3);
    // Every other feature, of either version, keeps its distribution: its mean moves by far less.
    const others = await db.all<{model_version: string; feature: string; before: number; after: number}>(`
      SELECT model_version, feature, avg(value) FILTER (WHERE NOT after) AS before, avg(value) FILTER (WHERE after) AS after
      FROM dated WHERE NOT (model_version = 'v2' AND feature = '${drift.feature}') GROUP BY ALL`);
    expect(others).toHaveLength(featuresOf("v1").length + featuresOf("v2").length - 1);
    for (const o of others)
      expect(Math.abs(o.after - o.before) / Math.abs(o.before), `${o.model_version} ${o.feature}`).toBeLessThan(0.5);
  });

  test("v2's scores rise after the month, v1's do not", async () => {
    const shift = async (version: string) =>
      value(
        db,
        `SELECT avg(score) FILTER (WHERE scored_date >= DATE '${drift.from}-01') - avg(score) FILTER (WHERE scored_date < DATE '${drift.from}-01')
         FROM scores WHERE model_version = '${version}'`
      );
    expect(await shift("v2")).toBeGreaterThan(0.1);
    expect(Math.abs(await shift("v1"))).toBeLessThan(0.03);
  });

  test("degrades v2's ranking: on the same claims, its realised AUC after the month is below what it would have been", () => {
    // At this scale a month-to-month comparison is mostly noise; realism-test.ts compares before and after at scale 1.
    const v2 = drift.auc.v2;
    expect(v2.after!).toBeLessThan(v2.after_without_drift!);
    expect(drift.auc.v1.after_without_drift).toBeUndefined();
  });
});

describe("as known on an earlier day (--snapshot)", () => {
  const readTruth = (dir: string) => JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;
  const lines = (dir: string, file: string) => readFileSync(join(dir, file), "utf8").trimEnd().split("\n");

  test("a card, and its version's feature rows, are known once its training window has ended; its deployment date once deployed", () => {
    const at = (date: string) => {
      const dir = join(root, `snapshot-${date}`);
      const result = carnet(["generate", "--out", dir, "--seed", "5", "--scale", "0.05", "--snapshot", date]);
      expect(result.code, result.stderr).toBe(0);
      return dir;
    };
    const cardsOf = (dir: string) => lines(dir, "models.csv").map((l) => l.split(",").slice(0, 4).join(","));
    const versionsOf = (dir: string, file: string) =>
      [
        ...new Set(
          lines(dir, file)
            .slice(1)
            .map((l) => l.split(",")[file === "scores.csv" ? 2 : 1])
        )
      ].sort();

    const early = at("2022-09-30");
    expect(cardsOf(early)).toEqual([
      "model_version,trained_from,trained_to,deployed_date",
      "v1,2021-01-01,2022-06-30,"
    ]);
    expect(lines(early, "score_features.csv")).toHaveLength(1);
    expect(readTruth(early).model_drift).toBeNull();

    // v2 is being backtested: its scores exist, its card and feature rows not yet.
    const backtest = at("2023-03-31");
    expect(cardsOf(backtest)).toEqual([
      "model_version,trained_from,trained_to,deployed_date",
      "v1,2021-01-01,2022-06-30,2023-01-01"
    ]);
    expect(versionsOf(backtest, "scores.csv")).toEqual(["v1", "v2"]);
    expect(versionsOf(backtest, "score_features.csv")).toEqual(["v1"]);

    const challenger = at("2023-09-30");
    expect(cardsOf(challenger)).toEqual([
      "model_version,trained_from,trained_to,deployed_date",
      "v1,2021-01-01,2022-06-30,2023-01-01",
      "v2,2021-07-01,2023-06-30,"
    ]);
    expect(versionsOf(challenger, "score_features.csv")).toEqual(["v1", "v2"]);
    for (const dir of [backtest, challenger]) {
      const check = carnet(["check", "--extracts", dir, "--format", "json"], {CARNET_CACHE: join(root, "cache")});
      expect(check.code, check.stderr).toBe(0);
      expect(JSON.parse(check.stdout).rejects).toEqual([]);
    }
  });
});
