/**
 * The ROI analytics on the synthetic default data (generator defaults: seed 1, scale 1), staged by the real
 * loaders, and the `carnet roi` verb as a user runs it.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {literal} from "../../loaders/engine/sql.ts";
import {openExtracts, type Extracts} from "../../loaders/extracts/open.ts";
import {generate} from "../../loaders/generate/index.ts";
import {roiReport} from "../../loaders/roi/report.ts";
import {modelVersions} from "../../loaders/roi/scored-claims.ts";
import {scoredClaimsSql} from "../../loaders/roi/sql/duckdb/claims.ts";
import {carnet} from "../cli/run-carnet.ts";

const root = mkdtempSync(join(tmpdir(), "carnet-roi-"));
const dir = join(root, "extracts");
const env = {CARNET_PSEUDONYM_KEY: "test-key", CARNET_CACHE: join(root, "cache")};
let extracts: Extracts;

beforeAll(async () => {
  generate({out: dir});
  Object.assign(process.env, env);
  extracts = await openExtracts(dir);
});
afterAll(async () => {
  await extracts?.engine.close();
  rmSync(root, {recursive: true, force: true});
});

/** Brute force, independent of the cumulative arrays: net savings at every k from SQL window sums, best first. */
async function bruteForceBest(model: string, cost: number, saving: number | null) {
  const gain = saving === null ? "saving_eur" : `abuse * ${literal(saving)}`;
  const [best] = await extracts.engine.all<{k: number; net_eur: number}>(`
    WITH ranked AS (${scoredClaimsSql({model})}),
    nets AS (SELECT rank AS k, sum(${gain}) OVER (ORDER BY rank) - rank * ${literal(cost)} AS net_eur FROM ranked
             UNION ALL SELECT 0, 0)
    SELECT k, net_eur FROM nets ORDER BY round(net_eur, 6) DESC, k LIMIT 1`);
  return best;
}

describe("on the default data", () => {
  it("has scored, expertised claims for every model version", async () => {
    const versions = await modelVersions(extracts.engine);
    expect(versions.map((v) => v.model_version).sort()).toEqual(["v1", "v2"]);
  });

  for (const [cost, saving] of [
    [300, null],
    [300, 8000],
    [1500, 8000],
    [300, 2000]
  ] as const) {
    it(`finds the same optimum as a brute-force search over all k (cost ${cost}, saving ${saving ?? "recorded"})`, async () => {
      for (const model of ["v1", "v2"]) {
        const report = await roiReport(extracts.engine, {
          model,
          economics: {costPerExpertise: cost, savingPerAbuse: saving}
        });
        const brute = await bruteForceBest(model, cost, saving);
        expect(report.best.k).toBe(brute.k);
        expect(report.best.net_eur).toBeCloseTo(brute.net_eur, 6);
      }
    });
  }
});

describe("carnet roi", () => {
  it("prints base rate, one row per requested capacity and the optimum as JSON", () => {
    const result = carnet(
      ["roi", "--extracts", dir, "--capacity", "50", "--capacity", "100000", "--saving", "8000"],
      env
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["base_rate", "rows", "best"]));
    expect(report.rows).toHaveLength(2);
    expect(Object.keys(report.rows[0])).toEqual(
      expect.arrayContaining(["k", "hits", "precision", "recall", "lift", "savings_eur", "cost_eur", "net_eur", "roi"])
    );
    const [small, all] = report.rows;
    expect(small.k).toBe(50);
    expect(small.cost_eur).toBe(15000);
    expect(small.net_eur).toBe(small.hits * 8000 - 15000);
    // A capacity above the backtest takes every claim: all abuses, at the base rate.
    expect(all.k).toBe(report.claims);
    expect(all.recall).toBe(1);
    expect(all.precision).toBe(report.base_rate);
    expect(report.best.net_eur).toBeGreaterThanOrEqual(Math.max(small.net_eur, all.net_eur));
  });

  it("prints the rows as CSV", () => {
    const result = carnet(["roi", "--extracts", dir, "--capacity", "10", "--format", "csv"], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("k,requested_k,hits,precision,recall,lift,savings_eur,cost_eur,net_eur,roi");
    expect(lines).toHaveLength(2);
  });

  it("refuses a bad flag value with one line and exit status 2", () => {
    for (const args of [
      ["--cost", "cheap"],
      ["--capacity", "2.5"],
      ["--saving", "0"],
      ["--model", "v9"],
      ["--from", "2025", "--to", "2021"]
    ]) {
      const result = carnet(["roi", "--extracts", dir, ...args], env);
      expect(result.code).toBe(2);
      expect(
        result.stderr
          .trim()
          .split("\n")
          .filter((l) => !l.includes("warning"))
      ).toHaveLength(1);
    }
  });
});
