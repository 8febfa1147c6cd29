/**
 * The drill-down cubes on a hand-made claims table: counts and distinct claimants per period and grain, profiles
 * over the window, masking below 11 claimants before anything is written, and the page's own queries over them.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {drillPeriodsSql, drillProfilesSql} from "../../loaders/drift/sql/duckdb/drill-cube.ts";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {drillByPeriodSql, drillByProfileSql, drillParams} from "../../src/lib/drift/drilldown.ts";

let engine: DuckDbEngine;

// Contract A: 12 people claim in 2024-01 (person p1 twice, once still open), p1 claims again in 2024-02.
// Contract B: 3 people in 2024-01, too few to publish.
const claims = [
  ...Array.from({length: 12}, (_, i) => ["A", `p${i + 1}`, "2024-01-01", "F", "cadre", "30-39", 10, 100, "closed"]),
  ["A", "p1", "2024-01-01", "F", "cadre", "30-39", 5, 50, "open"],
  ["A", "p1", "2024-02-01", "F", "cadre", "30-39", 20, 200, "closed"],
  ...Array.from({length: 3}, (_, i) => ["B", `q${i + 1}`, "2024-01-01", "M", "non_cadre", "40-49", 1, 10, "closed"])
];

const source = "SELECT * FROM facts";
const run = (sql: string, params: string[]) =>
  engine.all(params.reduce((text, value) => text.replace("?", `'${value}'`), sql));

beforeAll(async () => {
  engine = await DuckDbEngine.open();
  const values = claims
    .map(
      ([contract, insured, month, sex, job, band, days, cost, status]) =>
        `('${insured}', '${contract}', 'S1', 'R1', 'incapacity', DATE '${month}', '${sex}', '${job}', '${band}', ${days}, ${cost}, '${status}')`
    )
    .join(",\n");
  await engine.run(`CREATE TABLE facts (insured_id VARCHAR, contract_id VARCHAR, sector_naf VARCHAR, region VARCHAR,
    guarantee VARCHAR, month_start DATE, sex VARCHAR, job_category VARCHAR, age_band VARCHAR, days_paid DOUBLE,
    cost_eur DOUBLE, status VARCHAR)`);
  await engine.run(`INSERT INTO facts VALUES ${values}`);
  await engine.run(`CREATE TABLE periods AS ${drillPeriodsSql(source)}`);
  await engine.run(`CREATE TABLE profiles AS ${drillProfilesSql(source)}`);
});

afterAll(() => engine?.close());

describe("drill-down cubes", () => {
  it("count claims, distinct claimants, days, cost and open claims per month", async () => {
    const params = drillParams(
      {dimension: "contract", grain: "month", guarantee: "incapacity", from: "2024-01", to: "2024-02"},
      "A"
    );
    expect(await run(drillByPeriodSql, params.byPeriod)).toEqual([
      {period: "2024-01", claims: 13, claimants: 12, days_paid: 125, cost_eur: 1250, open: 1, masked: false},
      // One person in February: masked before it was written.
      {period: "2024-02", claims: null, claimants: null, days_paid: null, cost_eur: null, open: null, masked: true}
    ]);
  });

  it("count a person once per quarter, whatever the months of their claims", async () => {
    const params = drillParams(
      {dimension: "contract", grain: "quarter", guarantee: "incapacity", from: "2024-02", to: "2024-02"},
      "A"
    );
    expect(await run(drillByPeriodSql, params.byPeriod)).toEqual([
      {period: "2024-Q1", claims: 14, claimants: 12, days_paid: 145, cost_eur: 1450, open: 1, masked: false}
    ]);
  });

  it("give profiles over the window with mean days and cost per claim", async () => {
    const params = drillParams(
      {dimension: "contract", grain: "month", guarantee: "incapacity", from: "2024-01", to: "2024-02"},
      "A"
    );
    const [profile] = await run(drillByProfileSql, params.byProfile);
    expect(profile).toMatchObject({age_band: "30-39", sex: "F", job_category: "cadre", claims: 14, claimants: 12});
    expect(profile.mean_days_paid).toBeCloseTo(145 / 14, 12);
    expect(profile.mean_cost_eur).toBeCloseTo(1450 / 14, 12);
  });

  it("write no figure of a segment with fewer than 11 claimants", async () => {
    const rows = await engine.all(
      "SELECT * FROM periods WHERE segment = 'B' UNION ALL BY NAME SELECT * FROM profiles WHERE segment = 'B'"
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.masked).toBe(true);
      expect([row.claims, row.claimants]).toEqual([null, null]);
    }
  });

  it("hold no person: no insured id, claim id or numbering of people", async () => {
    const columns = (
      await engine.all(
        "SELECT column_name FROM (DESCRIBE periods) UNION ALL SELECT column_name FROM (DESCRIBE profiles)"
      )
    ).map((r) => r.column_name);
    expect(columns.filter((c) => /insured_id|claim_id|person/.test(String(c)))).toEqual([]);
  });

  it("take the guarantee dimension's segment as its guarantee", () => {
    const params = drillParams(
      {dimension: "guarantee", grain: "year", guarantee: "death", from: "2024-03", to: "2024-12"},
      "incapacity"
    );
    expect(params.byPeriod).toEqual(["guarantee", "incapacity", "incapacity", "year", "2024-01-01", "2024-12-01"]);
  });
});
