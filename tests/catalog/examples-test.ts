import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {projectRoot} from "../../loaders/catalog/root.ts";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";

const root = projectRoot();

describe("the SQL example's loader", () => {
  test("counts incapacity claims per 1,000 insured by sector and year, masking cells under 11 insured", async () => {
    const engine = await DuckDbEngine.open();
    try {
      await engine.run(
        `CREATE TABLE contracts AS SELECT * FROM (VALUES ('K1', '86.10Z'), ('K2', '49.41A')) t(contract_id, sector_naf)`
      );
      // 20 insured in 86.10Z, 5 in 49.41A.
      await engine.run(
        `CREATE TABLE insured AS SELECT 'I' || i AS insured_id, CASE WHEN i <= 20 THEN 'K1' ELSE 'K2' END AS contract_id FROM range(1, 26) r(i)`
      );
      // 86.10Z: 12 incapacity claims of 12 insured in 2024, 1 disability claim; 49.41A: 3 incapacity claims in 2024.
      await engine.run(`CREATE TABLE claims AS
        SELECT 'I' || i AS insured_id, 'K1' AS contract_id, 'incapacity' AS guarantee, DATE '2024-05-01' AS event_date FROM range(1, 13) r(i)
        UNION ALL SELECT 'I1', 'K1', 'disability', DATE '2024-06-01'
        UNION ALL SELECT 'I' || i, 'K2', 'incapacity', DATE '2024-02-01' FROM range(21, 24) r(i)`);
      const sql = readFileSync(join(root, "src/examples/data/incapacity-by-sector.csv.sql"), "utf8");
      expect(await engine.all(sql.replace(/;\s*$/, ""))).toEqual([
        {sector_naf: "49.41A", year: 2024, insured: 5, claims: null, claims_per_1000_insured: null},
        {sector_naf: "86.10Z", year: 2024, insured: 20, claims: 12, claims_per_1000_insured: 600}
      ]);
    } finally {
      await engine.close();
    }
  });
});

describe("the Python example's loader", () => {
  const dir = mkdtempSync(join(tmpdir(), "carnet-python-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  test("computes the loss ratio per year from the raw files in either dialect, masking small years", () => {
    // Semicolons and decimal commas, as a French spreadsheet export writes them.
    writeFileSync(
      join(dir, "premiums.csv"),
      "contract_id;year;earned_premium_eur\nK1;2024;10000,50\nK2;2024;9999,50\nK1;2025;5000\n"
    );
    const claims = [
      "claim_id;insured_id;contract_id;guarantee;event_date;declared_date;end_date;days_paid;paid_eur;reserve_eur;status"
    ];
    for (let i = 1; i <= 12; i++) claims.push(`C${i};I${i};K1;incapacity;2024-03-0${1 + (i % 9)};;;10;1000;500;closed`);
    claims.push("C13;I1;K1;incapacity;15/01/2025;;;1;100;0;closed");
    claims.push("C14;I2;K1;incapacity;not a date;;;1;100;0;closed");
    writeFileSync(join(dir, "claims.csv"), claims.join("\n") + "\n");
    const run = spawnSync("python3", [join(root, "src/examples/data/loss-ratio-by-year.json.py")], {
      env: {...process.env, CARNET_EXTRACTS: dir},
      encoding: "utf8"
    });
    expect(run.stderr).toBe("");
    const output = JSON.parse(run.stdout);
    // 2024: premium 20,000; cost 12 x 1,500 = 18,000; S/P 0.9. 2025: one insured only -> masked.
    expect(output.years).toEqual([
      {year: 2024, earned_premium_eur: 20000, claims: 12, claims_cost_eur: 18000, loss_ratio: 0.9, masked: false},
      {year: 2025, earned_premium_eur: 5000, claims: null, claims_cost_eur: null, loss_ratio: null, masked: true}
    ]);
    expect(output.unreadable_rows).toEqual({premiums: 0, claims: 1});
    expect(run.stdout).not.toMatch(/I1\b|C1\b/);
  });
});
