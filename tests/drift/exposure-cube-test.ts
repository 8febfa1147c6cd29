/**
 * The exposure cube and the distinct-insured counts (built from cover pieces and difference arrays, never a row
 * per insured and month) against the naive reference: one row per insured and month with its overlap days and
 * the age bands on the first day of the month, quarter and year, aggregated afterwards.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {prepareDrift, tables, type DriftWorkspace} from "../../loaders/drift/prepare.ts";
import {monthsSql, periodColumnsSql} from "../../loaders/drift/sql/duckdb/exposure.ts";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {claim, engineWith} from "./fixtures.ts";

const window = {from: "2019-01-01", to: "2023-12-31"};

/** A deterministic pseudo-random generator (mulberry32), so the dataset is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function dataset() {
  const next = random(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const contracts = [
    ["C1", "86.10Z", "11", "2015-01-01", null],
    ["C2", "47.11F", "84", "2020-03-17", null],
    ["C3", "47.11F", "84", "2016-01-01", "2022-08-14"]
  ];
  // Hand-picked edges: Feb 29 births, birthdays on the first of a month, quarter and year, decade birthdays
  // inside the window, covers of one day, inside one month, ending before or starting after the window.
  const insured: (string | null)[][] = [
    ["E1", "C1", "1980-02-29", "F", "cadre", "2018-05-01", null],
    ["E2", "C1", "1990-01-01", "M", "cadre", "2019-01-01", "2023-12-31"],
    ["E3", "C1", "1981-04-01", "F", "non_cadre", "2020-02-15", "2020-02-15"],
    ["E4", "C2", "1972-07-01", "M", "non_cadre", "2021-06-03", "2021-06-20"],
    ["E5", "C3", "1963-10-31", "F", "cadre", "2010-01-01", "2018-12-31"],
    ["E6", "C3", "1999-12-31", "M", "cadre", "2024-01-01", null],
    ["E7", "C2", "1984-02-29", "M", "cadre", "2023-02-28", "2023-03-01"],
    ["E8", "C1", "1970-03-31", "F", "cadre", "2019-03-31", "2021-03-31"]
  ];
  for (let i = 0; i < 400; i++) {
    const birth = day(at("1955-01-01") + Math.floor(next() * 45 * 365.25) * 86_400_000);
    const start = day(at("2017-01-01") + Math.floor(next() * 7 * 365) * 86_400_000);
    const end = next() < 0.4 ? null : day(at(start) + Math.floor(next() * 4 * 365) * 86_400_000);
    insured.push([
      `R${i}`,
      pick(["C1", "C2", "C3"]),
      birth,
      pick(["F", "M"]),
      pick(["cadre", "non_cadre"]),
      start,
      end
    ]);
  }
  return {
    contracts,
    insured,
    claims: [claim("K1", "E2", "C1", "incapacity", "2019-01-01"), claim("K2", "E2", "C1", "incapacity", "2023-12-31")]
  };
}

/** A reference window inside the analysis window, with odd first and last days: its cube is cut from clipped pieces. */
const reference = {from: "2020-03-10", to: "2022-11-20"};

/** The reference: a row per insured and month of the window with its overlap days. */
const naive = (window: {from: string; to: string}) => `WITH months AS (${monthsSql(window)}),
cover AS (
  SELECT i.*, c.sector_naf, c.region,
         greatest(i.coverage_start, c.start_date, DATE '${window.from}') AS cover_from,
         least(coalesce(i.coverage_end + 1, DATE '${window.to}' + 1), coalesce(c.end_date + 1, DATE '${window.to}' + 1),
               DATE '${window.to}' + 1) AS cover_until
  FROM insured i JOIN contracts c USING (contract_id)
)
SELECT ${periodColumnsSql("m.month_start", "v.birth_date")}, v.insured_id, v.contract_id, v.sector_naf, v.region, v.sex,
       v.job_category, date_diff('day', greatest(v.cover_from, m.month_start), least(v.cover_until, m.month_end)) AS days
FROM cover v JOIN months m ON v.cover_from < m.month_end AND v.cover_until > m.month_start`;
const naiveSql = naive(window);

const keys =
  "month_start, quarter_start, year_start, band_month, band_quarter, band_year, contract_id, sector_naf, region, sex, job_category";

let engine: DuckDbEngine;
let drift: DriftWorkspace;
beforeAll(async () => {
  engine = await engineWith(dataset());
  drift = await prepareDrift(engine, {
    ...window,
    referenceFrom: reference.from,
    referenceTo: reference.to,
    seasonality: false
  });
  await engine.run(`CREATE TEMP TABLE naive AS ${naiveSql}`);
  await engine.run(`CREATE TEMP TABLE naive_reference AS ${naive(reference)}`);
});
afterAll(async () => {
  await drift.close();
  await engine.close();
});

/** Cube cells missing on either side or differing by more than 1e-12 relative from the naive rows' sums. */
function cubeDifferences(naiveTable: string, cube: string) {
  return engine.all(`
    WITH expected AS (SELECT ${keys}, sum(days) / 365.25 AS years FROM ${naiveTable} GROUP BY ALL),
         cube AS (SELECT ${keys}, years FROM ${cube})
    SELECT * FROM expected e FULL JOIN cube c USING (${keys})
    WHERE e.years IS NULL OR c.years IS NULL OR abs(e.years - c.years) > 1e-12 * e.years`);
}

async function rows(table: string): Promise<number> {
  const [{n}] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM ${table}`);
  return n;
}

describe("the exposure cube", () => {
  it("holds, per month and cube key, the days of the naive per-insured-month rows / 365.25", async () => {
    expect(await cubeDifferences("naive", tables.exposure)).toEqual([]);
    expect(await rows(tables.exposure)).toBeGreaterThan(1000);
  });

  it("of a reference window inside the analysis window (pieces clipped, not cut again) equals the naive rows too", async () => {
    expect(await cubeDifferences("naive_reference", tables.referenceExposure)).toEqual([]);
    expect(await rows(tables.referenceExposure)).toBeGreaterThan(500);
  });
});

describe("distinct insured per period and segment", () => {
  it("equal count(DISTINCT insured_id) of the naive rows for every grain and dimension", async () => {
    const segments = {
      contract: "contract_id",
      sector: "sector_naf",
      region: "region",
      job_category: "job_category",
      guarantee: "'*'"
    };
    const expected = ["month", "quarter", "year"]
      .flatMap((grain) => [
        ...Object.entries(segments).map(
          ([d, column]) =>
            `SELECT '${grain}' AS grain, ${grain}_start AS period_start, '${d}' AS dimension, CAST(${column} AS VARCHAR) AS segment,
                    count(DISTINCT insured_id) AS insured, sum(days) / 365.25 AS years FROM naive GROUP BY ALL`
        ),
        `SELECT '${grain}', ${grain}_start, 'age_band', band_${grain}, count(DISTINCT insured_id), sum(days) / 365.25
         FROM naive GROUP BY ALL`
      ])
      .join(" UNION ALL ");
    const differences = await engine.all(`
      WITH expected AS (${expected})
      SELECT * FROM expected e FULL JOIN ${tables.insured} c USING (grain, period_start, dimension, segment)
      WHERE e.insured IS DISTINCT FROM c.insured OR abs(e.years - c.exposure_years) > 1e-12 * e.years`);
    expect(differences).toEqual([]);
  });
});
