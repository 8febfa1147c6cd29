/**
 * The four example loaders (SQL, Python, R, TypeScript) compute loss ratio by year and guarantee each in its own
 * language from the staged tables: the SQL one is checked on a hand-worked delivery, then all four, run through the
 * real `carnet loader run`, must publish the same cells on the default delivery (counts exact, amounts and ratios
 * within 1e-9 relative), and each year's guarantees must add up to the year's S/P computed apart.
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {projectRoot} from "../../loaders/catalog/root.ts";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {registerMacros} from "../../loaders/query/macros.ts";
import {carnet} from "../cli/run-carnet.ts";

const root = projectRoot();
const loaders = {
  sql: "src/examples/data/loss-ratio-sql.json.sql",
  python: "src/examples/data/loss-ratio-python.json.py",
  r: "src/examples/data/loss-ratio-r.json.R",
  typescript: "src/examples/data/loss-ratio-ts.json.ts"
} as const;

interface Cell {
  year: number;
  guarantee: string;
  earned_premium_eur: number;
  claims: number | null;
  claims_cost_eur: number | null;
  loss_ratio: number | null;
  insured: number | null;
  /** Python, R and TypeScript say it; the SQL loaders leave the figures NULL. */
  masked?: boolean;
}

const work = mkdtempSync(join(tmpdir(), "carnet-parity-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

function published(language: keyof typeof loaders): Cell[] {
  const out = join(work, `${language}.json`);
  const run = carnet(["loader", "run", loaders[language], "--out", out]);
  expect(run.code, run.stderr + run.stdout).toBe(0);
  return JSON.parse(readFileSync(out, "utf8")) as Cell[];
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("loss ratio by year and guarantee in four languages", () => {
  test("the SQL loader gives the hand-worked cells of a small delivery, masking a cell of fewer than 11 insured", async () => {
    const engine = await DuckDbEngine.open();
    try {
      await registerMacros(engine);
      // 2024: premiums 600 + 400 = 1,000; 12 incapacity claims of 12 insured costing 50 paid + 25 reserve each
      // (900), 3 death claims of 3 insured costing 100 each (masked). 2025: premium 2,000, no claim.
      await engine.run(`CREATE TABLE premiums AS SELECT * FROM (VALUES ('K1', 2024, 600.0), ('K2', 2024, 400.0),
        ('K1', 2025, 2000.0)) t(contract_id, year, earned_premium_eur)`);
      await engine.run(`CREATE TABLE claims AS
        SELECT 'I' || i AS insured_id, 'incapacity' AS guarantee, DATE '2024-03-01' AS event_date, 50.0 AS paid_eur, 25.0 AS reserve_eur FROM range(1, 13) r(i)
        UNION ALL SELECT 'D' || i, 'death', DATE '2024-07-01', 100.0, NULL FROM range(1, 4) r(i)`);
      const sql = readFileSync(join(root, loaders.sql), "utf8").replace(/;\s*$/, "");
      expect(await engine.all(sql)).toEqual([
        {
          year: 2024,
          guarantee: "death",
          earned_premium_eur: 1000,
          claims: null,
          claims_cost_eur: null,
          loss_ratio: null,
          insured: null
        },
        {
          year: 2024,
          guarantee: "incapacity",
          earned_premium_eur: 1000,
          claims: 12,
          claims_cost_eur: 900,
          loss_ratio: 0.9,
          insured: 12
        }
      ]);
    } finally {
      await engine.close();
    }
  });

  test("SQL, Python, R and TypeScript publish the same cells on the default delivery", {timeout: 120_000}, () => {
    const sql = published("sql");
    expect(sql.length).toBeGreaterThan(6);
    for (const language of ["python", "r", "typescript"] as const) {
      const other = published(language);
      // A masked cell has no figures; Python, R and TypeScript also flag it (the SQL loaders, which a cluster also
      // runs, carry no flag).
      const masked = (c: Cell) => c.insured === null;
      expect(
        other.map((c) => `${c.year}/${c.guarantee}/${masked(c)}/${c.masked}`),
        language
      ).toEqual(sql.map((c) => `${c.year}/${c.guarantee}/${masked(c)}/${masked(c)}`));
      other.forEach((cell, i) => {
        const reference = sql[i];
        expect([cell.claims, cell.insured], `${language} ${cell.year} ${cell.guarantee}`).toEqual([
          reference.claims,
          reference.insured
        ]);
        for (const key of ["earned_premium_eur", "claims_cost_eur", "loss_ratio"] as const)
          expect(
            close(cell[key], reference[key]),
            `${language} ${cell.year} ${cell.guarantee} ${key}: ${cell[key]} vs ${reference[key]}`
          ).toBe(true);
      });
    }
  });

  test("a year's guarantees add up to the year's loss ratio computed apart", () => {
    const cells = JSON.parse(readFileSync(join(work, "sql.json"), "utf8")) as Cell[];
    const years = JSON.parse(
      carnet([
        "query",
        `SELECT c.year, c.cost / p.premium AS loss_ratio
         FROM (SELECT year(event_date) AS year, sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0)) AS cost FROM claims GROUP BY ALL) c
         JOIN (SELECT year, sum(earned_premium_eur) AS premium FROM premiums GROUP BY year) p USING (year) ORDER BY year`,
        "--format",
        "json"
      ]).stdout
    ) as {year: number; loss_ratio: number}[];
    expect(years.length).toBeGreaterThan(3);
    for (const {year, loss_ratio} of years) {
      const ofYear = cells.filter((c) => c.year === year);
      expect(ofYear.every((c) => c.insured !== null)).toBe(true);
      expect(
        close(
          ofYear.reduce((s, c) => s + c.loss_ratio!, 0),
          loss_ratio
        )
      ).toBe(true);
    }
  });
});
