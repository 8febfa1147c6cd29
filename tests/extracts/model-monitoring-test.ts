/**
 * The optional model-monitoring files: models.csv (one model card per version) and score_features.csv (each scored
 * claim's feature values and contributions), validated and staged like the other files: references to scores (claim
 * and version together) and to models, a feature among its version's features, rows read = accepted + rejected, and
 * an absent file staged as an empty table.
 */
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {publicReason} from "../../loaders/extracts/public-rejects.ts";
import {readRejects, stageExtracts, type Staged} from "../../loaders/extracts/stage.ts";
import {carnet} from "../cli/run-carnet.ts";
import {files, writeExtracts} from "./fixture.ts";

const KEY = "test-key";

/** Model cards for the fixture's scores (K2 and K1 scored by v1), and a v2 card no score uses yet. */
const models = `model_version,trained_from,trained_to,deployed_date,validation_auc,features,base_value,description
v1,2019-01-01,2020-06-30,2021-01-01,0.77,age|tenure_years|prescriber_ratio,-1.1,"Trees, on claims"
v2,2019-07-01,2020-12-31,2022-01-01,0.81,age | dsn_absence_days_12m,-1.2,
`;

/** Contributions of K2 (score 0.81) and K1 (score 0.12) under v1: logit(score) - base value, split over 3 features. */
const scoreFeatures = `claim_id,model_version,feature,value,contribution
K2,v1,age,36,0.2
K2,v1,tenure_years,1.7,0.4
K2,v1,prescriber_ratio,,1.9499
K1,v1,age,35,-0.3
K1,v1,tenure_years,1,-0.5
K1,v1,prescriber_ratio,0.8,-0.0924
`;

const monitoring = {"models.csv": models, "score_features.csv": scoreFeatures};

let staged: Staged | undefined;
afterEach(async () => {
  await staged?.engine.close();
  staged = undefined;
});

async function stage(changes: Parameters<typeof writeExtracts>[0] = {}) {
  staged = await stageExtracts(writeExtracts({...monitoring, ...changes}), KEY);
  return {files: staged.files, rejects: await readRejects(staged.engine)};
}

const accounting = (result: Awaited<ReturnType<typeof stage>>, file: string) =>
  result.files.find((f) => f.file === file);

describe("models.csv and score_features.csv", () => {
  it("accepts every row of valid files, counted after the other files, typed and pseudonymised like scores", async () => {
    const result = await stage();
    expect(result.rejects).toEqual([]);
    expect(result.files.slice(-2).map((f) => [f.file, f.rows_read, f.rows_accepted, f.rows_rejected])).toEqual([
      ["models.csv", 2, 2, 0],
      ["score_features.csv", 6, 6, 0]
    ]);
    const cards = await staged!.engine.all<Record<string, unknown>>(
      "SELECT model_version, trained_to, deployed_date, validation_auc, features, base_value, description FROM models ORDER BY 1"
    );
    expect(cards).toEqual([
      {
        model_version: "v1",
        trained_to: "2020-06-30",
        deployed_date: "2021-01-01",
        validation_auc: 0.77,
        features: "age|tenure_years|prescriber_ratio",
        base_value: -1.1,
        description: "Trees, on claims"
      },
      {
        model_version: "v2",
        trained_to: "2020-12-31",
        deployed_date: "2022-01-01",
        validation_auc: 0.81,
        features: "age | dsn_absence_days_12m",
        base_value: -1.2,
        description: null
      }
    ]);
    // The claim id is the scores' pseudonym, so the rows join back to their score; an empty value is missing.
    const [joined] = await staged!.engine.all<{rows: number; missing: number; raw: number}>(`
      SELECT count(*) AS rows, count(*) FILTER (WHERE f.value IS NULL) AS missing,
             count(*) FILTER (WHERE f.claim_id IN ('K1', 'K2')) AS raw
      FROM score_features f JOIN scores s USING (claim_id, model_version)`);
    expect(joined).toEqual({rows: 6, missing: 1, raw: 0});
    const [sums] = await staged!.engine.all<{worst: number}>(`
      SELECT max(abs(total - (ln(s.score / (1 - s.score)) - m.base_value))) AS worst
      FROM (SELECT claim_id, model_version, sum(contribution) AS total FROM score_features GROUP BY ALL) f
      JOIN scores s USING (claim_id, model_version) JOIN models m USING (model_version)`);
    expect(sums.worst).toBeLessThan(1e-3);
  });

  it("stages absent files as empty tables of the same columns, with no accounting line", async () => {
    staged = await stageExtracts(writeExtracts(), KEY);
    expect(staged.files.map((f) => f.file)).not.toContain("models.csv");
    expect(staged.files.map((f) => f.file)).not.toContain("score_features.csv");
    const columns = await staged.engine.all<{name: string; type: string}>(
      "SELECT column_name AS name, column_type AS type FROM (DESCRIBE score_features)"
    );
    expect(columns).toEqual([
      {name: "claim_id", type: "VARCHAR"},
      {name: "model_version", type: "VARCHAR"},
      {name: "feature", type: "VARCHAR"},
      {name: "value", type: "DOUBLE"},
      {name: "contribution", type: "DOUBLE"}
    ]);
    const [{n}] = await staged.engine.all<{n: number}>(
      "SELECT (SELECT count(*) FROM models) + (SELECT count(*) FROM score_features) AS n"
    );
    expect(Number(n)).toBe(0);
  });

  it("rejects a row whose claim has no score of that version, with its line", async () => {
    const result = await stage({
      "score_features.csv": scoreFeatures + "K3,v1,age,52,0.1\nK2,v2,age,36,0.1\n"
    });
    expect(result.rejects).toEqual([
      {
        file: "score_features.csv",
        line: 8,
        column: "claim_id",
        reason: 'claim_id "K3" with model_version "v1" not found among accepted rows of scores'
      },
      {
        file: "score_features.csv",
        line: 9,
        column: "claim_id",
        reason: 'claim_id "K2" with model_version "v2" not found among accepted rows of scores'
      }
    ]);
    // Published, the claim's id is masked and the version kept.
    expect(publicReason(result.rejects[0])).toBe(
      'claim_id "[masked]" with model_version "v1" not found among accepted rows of scores'
    );
  });

  it("rejects a row whose model version has no model card, with its line", async () => {
    const result = await stage({
      "scores.csv": files["scores.csv"] + "K2,2022-11-12,v3,0.5\n",
      "score_features.csv": scoreFeatures + "K2,v3,age,36,0.1\n"
    });
    expect(result.rejects).toEqual([
      {
        file: "score_features.csv",
        line: 8,
        column: "model_version",
        reason: 'model_version "v3" not found among accepted rows of models'
      }
    ]);
  });

  it("rejects a feature that is not among its version's features, naming them", async () => {
    const result = await stage({
      "score_features.csv": scoreFeatures.replace("K1,v1,tenure_years,1,", "K1,v1,dsn_absence_days_12m,1,")
    });
    expect(result.rejects).toEqual([
      {
        file: "score_features.csv",
        line: 6,
        column: "feature",
        reason:
          'feature "dsn_absence_days_12m" is not among the features of model_version "v1" in models (age, tenure_years, prescriber_ratio)'
      }
    ]);
  });

  it("reads a version's features with spaces around the separator", async () => {
    const result = await stage({
      "scores.csv": files["scores.csv"] + "K2,2022-11-12,v2,0.5\n",
      "score_features.csv": scoreFeatures + "K2,v2,age,36,0.3\nK2,v2,dsn_absence_days_12m,4,0.5\n"
    });
    expect(result.rejects).toEqual([]);
  });

  it("rejects bad model cards (AUC outside [0, 1], training after deployment, no base value), then their rows", async () => {
    const result = await stage({
      "models.csv": [
        "model_version,trained_from,trained_to,deployed_date,validation_auc,features,base_value,description",
        "v1,2019-01-01,2020-06-30,2021-01-01,1.2,age|tenure_years|prescriber_ratio,-1.1,",
        "v2,2019-07-01,2022-12-31,2022-01-01,0.81,age,-1.2,",
        "v3,2019-07-01,2020-12-31,2022-01-01,0.81,age,,",
        ""
      ].join("\n")
    });
    expect(result.rejects.filter((r) => r.file === "models.csv")).toEqual([
      {file: "models.csv", line: 2, column: "validation_auc", reason: 'expected a value between 0 and 1, got "1.2"'},
      {
        file: "models.csv",
        line: 3,
        column: "deployed_date",
        reason: "deployed_date 2022-01-01 is before trained_to 2022-12-31"
      },
      {file: "models.csv", line: 4, column: "base_value", reason: "required value is empty"}
    ]);
    // v1's card is rejected, so every contribution of v1 is rejected in turn: nothing dangles.
    const features = result.rejects.filter((r) => r.file === "score_features.csv");
    expect(features.map((r) => [r.line, r.column])).toEqual([2, 3, 4, 5, 6, 7].map((line) => [line, "model_version"]));
  });

  it("keeps rows read = rows accepted + rows rejected, duplicates and malformed lines included", async () => {
    const result = await stage({
      "score_features.csv":
        scoreFeatures + "K2,v1,age,36,0.2\nK1,v1\nK1,v1,prescriber_ratio,high,0.1\nK9,v1,age,1,1\nK2,v1,,1,1\n"
    });
    for (const f of result.files) expect(f.rows_read, f.file).toBe(f.rows_accepted + f.rows_rejected);
    expect(accounting(result, "score_features.csv")).toEqual({
      file: "score_features.csv",
      rows_read: 11,
      rows_accepted: 6,
      rows_rejected: 5
    });
    expect(result.rejects.filter((r) => r.file === "score_features.csv").map((r) => [r.line, r.column])).toEqual([
      [8, "claim_id"],
      [9, "feature"],
      [10, "value"],
      [11, "claim_id"],
      [12, "feature"]
    ]);
  });

  it("rejects every contribution when models.csv is absent, and counts them", async () => {
    const result = await stage({"models.csv": null});
    expect(accounting(result, "score_features.csv")).toEqual({
      file: "score_features.csv",
      rows_read: 6,
      rows_accepted: 0,
      rows_rejected: 6
    });
    expect(new Set(result.rejects.map((r) => r.reason))).toEqual(
      new Set(['model_version "v1" not found among accepted rows of models'])
    );
  });
});

describe("carnet check on the model-monitoring files", () => {
  const cache = () => ({CARNET_CACHE: mkdtempSync(join(tmpdir(), "carnet-cache-"))});

  /** A fatal error is exactly one line on stderr, names what is wrong, and shows no stack trace. */
  function expectOneLineError(result: ReturnType<typeof carnet>, ...parts: string[]) {
    expect(result.code).toBe(2);
    const lines = result.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.includes("warning"));
    expect(lines).toHaveLength(1);
    for (const part of parts) expect(lines[0]).toContain(part);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }

  it("gives a one-line error naming the file, line 1 and the column when a required column is missing", () => {
    const dir = writeExtracts({...monitoring, "models.csv": models.replace(",base_value,", ",base,")});
    expectOneLineError(
      carnet(["check", "--extracts", dir], cache()),
      "models.csv line 1",
      'missing required column "base_value"',
      "found: model_version"
    );
    const noContribution = writeExtracts({
      ...monitoring,
      "score_features.csv": scoreFeatures.replace(",contribution\n", ",shap\n")
    });
    expectOneLineError(
      carnet(["check", "--extracts", noContribution], cache()),
      "score_features.csv line 1",
      'missing required column "contribution"'
    );
  });

  it("reports the rejects with file, line, column and reason, and exits 0", () => {
    const dir = writeExtracts({...monitoring, "score_features.csv": scoreFeatures + "K2,v1,weekday,1,0.1\n"});
    const result = carnet(["check", "--extracts", dir, "--format", "json"], cache());
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.find((f: {file: string}) => f.file === "score_features.csv")).toEqual({
      file: "score_features.csv",
      rows_read: 7,
      rows_accepted: 6,
      rows_rejected: 1
    });
    expect(report.rejects).toEqual([
      {
        file: "score_features.csv",
        line: 8,
        column: "feature",
        reason:
          'feature "weekday" is not among the features of model_version "v1" in models (age, tenure_years, prescriber_ratio)'
      }
    ]);
  });
});
