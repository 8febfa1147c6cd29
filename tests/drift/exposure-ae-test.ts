import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {aeCells, lossRatioCells} from "../../loaders/drift/cells.ts";
import {withInterval} from "../../loaders/drift/drift.ts";
import {defaultReference, prepareDrift, tables, type DriftWorkspace} from "../../loaders/drift/prepare.ts";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {claim, engineWith, ratesFolder} from "./fixtures.ts";

// Three insured, hand-worked in days over 2021 (365.25 days to the year):
// - I1 (C1, F, cadre) born 1981-06-15, covered all year: turns 40 on 2021-06-15, so band 30-39 up to the
//   month starting 2021-06-01 and 40-49 from 2021-07-01; at the start of the year 39 (band 30-39).
// - I2 (C1, M, non_cadre) born 1990-01-01, covered from 2021-03-16: 16 days in March, 291 days in 2021.
// - I3 (C2, F, non_cadre) born 1970-02-10, covered until 2021-06-30 inclusive: 181 days in 2021, band 50-59.
// - I4 (C3) left on 2020-12-31 but has a claim dated 2021-02-01: zero exposure for C3.
const Y = 365.25;
const fixture = {
  contracts: [
    ["C1", "86.10Z", "11", "2020-01-01", null],
    ["C2", "47.11F", "84", "2020-01-01", null],
    ["C3", "47.11F", "84", "2019-01-01", "2020-12-31"]
  ],
  insured: [
    ["I1", "C1", "1981-06-15", "F", "cadre", "2020-01-01", null],
    ["I2", "C1", "1990-01-01", "M", "non_cadre", "2021-03-16", null],
    ["I3", "C2", "1970-02-10", "F", "non_cadre", "2020-01-01", "2021-06-30"],
    ["I4", "C3", "1975-05-05", "M", "cadre", "2019-01-01", "2020-12-31"]
  ],
  premiums: [
    ["C1", 2021, 1000],
    ["C2", 2021, 500]
  ],
  claims: [
    claim("K1", "I1", "C1", "incapacity", "2021-07-10", 300, 100),
    claim("K2", "I2", "C1", "incapacity", "2021-07-20", 200, 0),
    claim("K3", "I1", "C1", "disability", "2021-09-01", 1000, 500),
    claim("K4", "I4", "C3", "incapacity", "2021-02-01", 50, 0)
  ]
};
// Given reference rates (claims per insured-year), so expected counts can be worked by hand.
const rates = ratesFolder([
  "incapacity,F,cadre,30-39,0.10",
  "incapacity,F,cadre,40-49,0.20",
  "incapacity,M,non_cadre,30-39,0.05",
  "incapacity,F,non_cadre,50-59,0.30",
  "incapacity,M,cadre,40-49,0.10",
  "disability,F,cadre,30-39,0.01",
  "disability,F,cadre,40-49,0.01"
]);

let engine: DuckDbEngine;
let drift: DriftWorkspace;
beforeAll(async () => {
  engine = await engineWith(fixture);
  drift = await prepareDrift(engine, {from: "2021-01-01", to: "2021-12-31", extractsDir: rates, seasonality: false});
});
afterAll(async () => {
  await drift.close();
  await engine.close();
});

const find = <T extends {segment: string; period: string}>(rows: T[], segment: string, period: string) => {
  const row = rows.find((r) => r.segment === segment && r.period === period);
  if (!row) throw new Error(`no row ${segment} ${period}`);
  return row;
};

describe("exposure in insured-years", () => {
  it("counts overlap days / 365.25 for a full year, a coverage starting mid-period and one ending mid-year", async () => {
    const rows = await aeCells(drift, "contract", "year", ["incapacity"], "portfolio");
    expect(find(rows, "C1", "2021").exposure_years).toBeCloseTo((365 + 291) / Y, 10);
    expect(find(rows, "C2", "2021").exposure_years).toBeCloseTo(181 / Y, 10);
    expect(find(rows, "C1", "2021").insured).toBe(2);
  });

  it("takes only the covered days of the month a coverage starts in", async () => {
    const rows = await aeCells(drift, "contract", "month", ["incapacity"], "portfolio");
    expect(find(rows, "C1", "2021-03").exposure_years).toBeCloseTo((31 + 16) / Y, 10);
    expect(find(rows, "C1", "2021-02").exposure_years).toBeCloseTo(28 / Y, 10);
    expect(find(rows, "C1", "2021-02").insured).toBe(1);
  });

  it("moves an insured to the next age band from the first period starting after the birthday", async () => {
    const monthly = await aeCells(drift, "age_band", "month", ["incapacity"], "portfolio");
    // June starts before the 40th birthday (2021-06-15): I1 and I2 in 30-39; July: I1 in 40-49.
    expect(find(monthly, "30-39", "2021-06").exposure_years).toBeCloseTo((30 + 30) / Y, 10);
    expect(find(monthly, "40-49", "2021-07").exposure_years).toBeCloseTo(31 / Y, 10);
    expect(monthly.some((r) => r.segment === "40-49" && r.period === "2021-06")).toBe(false);
    // By year, the band is the age on 2021-01-01: I1 stays in 30-39 all year.
    const yearly = await aeCells(drift, "age_band", "year", ["incapacity"], "portfolio");
    expect(find(yearly, "30-39", "2021").exposure_years).toBeCloseTo((365 + 291) / Y, 10);
  });

  it("labels quarters YYYY-Qn and splits a mid-quarter start", async () => {
    const rows = await aeCells(drift, "contract", "quarter", ["incapacity"], "portfolio");
    // Q1: I1 90 days, I2 16 days.
    expect(find(rows, "C1", "2021-Q1").exposure_years).toBeCloseTo((90 + 16) / Y, 10);
  });
});

describe("actual vs expected", () => {
  it("sums exposure x reference rate over the segment's insured", async () => {
    const rows = (await aeCells(drift, "contract", "year", ["incapacity"], "portfolio")).map(withInterval);
    const c1 = find(rows, "C1", "2021");
    // I1 all year at the 30-39 rate (band at the start of the year), I2 291 days at 0.05.
    const expected = (365 * 0.1 + 291 * 0.05) / Y;
    expect(c1.expected).toBeCloseTo(expected, 10);
    expect(c1.actual).toBe(2);
    expect(c1.ae).toBeCloseTo(2 / expected, 10);
    // Garwood 95% limits for 2 events: [0.2422, 7.2247] (published table).
    expect(c1.ae_low).toBeCloseTo(0.2422 / expected, 3);
    expect(c1.ae_high).toBeCloseTo(7.2247 / expected, 3);
  });

  it("uses the new band's rate in the month after a birthday", async () => {
    const rows = await aeCells(drift, "contract", "month", ["incapacity"], "portfolio");
    expect(find(rows, "C1", "2021-06").expected).toBeCloseTo((30 * 0.1 + 30 * 0.05) / Y, 10);
    expect(find(rows, "C1", "2021-07").expected).toBeCloseTo((31 * 0.2 + 31 * 0.05) / Y, 10);
  });

  it("reports zero claims with A/E 0 and a finite upper limit", async () => {
    const rows = (await aeCells(drift, "contract", "year", ["incapacity"], "portfolio")).map(withInterval);
    const c2 = find(rows, "C2", "2021");
    const expected = (181 * 0.3) / Y;
    expect(c2.actual).toBe(0);
    expect(c2.expected).toBeCloseTo(expected, 10);
    expect(c2.ae).toBe(0);
    expect(c2.ae_low).toBe(0);
    expect(c2.ae_high).toBeCloseTo(3.6889 / expected, 3);
  });

  it("keeps a claim on a segment with zero exposure, with no A/E", async () => {
    const rows = (await aeCells(drift, "contract", "year", ["incapacity"], "portfolio")).map(withInterval);
    const c3 = find(rows, "C3", "2021");
    expect(c3).toMatchObject({
      actual: 1,
      expected: 0,
      exposure_years: 0,
      insured: 0,
      ae: null,
      ae_low: null,
      ae_high: null
    });
  });

  it("gives each guarantee its own segment and rates in the guarantee dimension", async () => {
    const rows = await aeCells(drift, "guarantee", "year", ["incapacity", "disability"], "portfolio");
    const disability = find(rows, "disability", "2021");
    // Disability rates: 0.01 for F cadre, and for the groups the file does not list, the mean of its rates (0.01).
    expect(disability.actual).toBe(1);
    expect(disability.expected).toBeCloseTo(((365 + 291 + 181) * 0.01) / Y, 10);
    expect(disability.exposure_years).toBeCloseTo((365 + 291 + 181) / Y, 10);
    expect(find(rows, "incapacity", "2021").actual).toBe(2 + 1);
  });
});

describe("reference rates", () => {
  it("default to the first two full calendar years of the window", () => {
    expect(defaultReference({from: "2021-01-01", to: "2025-12-31"})).toEqual({from: "2021-01-01", to: "2022-12-31"});
    expect(defaultReference({from: "2021-03-01", to: "2025-12-31"})).toEqual({from: "2022-01-01", to: "2023-12-31"});
    expect(defaultReference({from: "2021-03-01", to: "2022-06-30"})).toEqual({from: "2022-01-01", to: "2022-06-30"});
  });

  it("are estimated as claims / insured-years of the reference window when no file gives them", async () => {
    // One insured, F cadre born 1990-01-01, covered 2021-2022 (730 days) with 3 incapacity claims.
    const e = await engineWith({
      contracts: [["C1", "86.10Z", "11", "2020-01-01", null]],
      insured: [["I1", "C1", "1990-01-01", "F", "cadre", "2021-01-01", "2022-12-31"]],
      claims: [
        claim("K1", "I1", "C1", "incapacity", "2021-02-01"),
        claim("K2", "I1", "C1", "incapacity", "2021-09-01"),
        claim("K3", "I1", "C1", "incapacity", "2022-03-01")
      ]
    });
    const prepared = await prepareDrift(e, {from: "2021-01-01", to: "2022-12-31"});
    const setup = prepared.setup;
    expect(setup.reference).toEqual({from: "2021-01-01", to: "2022-12-31"});
    expect(setup.referenceSource).toBe("estimated");
    const [rate] = await e.all<{annual_rate: number; reference_years: number}>(
      `SELECT annual_rate, reference_years FROM ${tables.rates} WHERE guarantee = 'incapacity' AND sex = 'F' AND job_category = 'cadre' AND age_band = '30-39'`
    );
    expect(rate.reference_years).toBeCloseTo(730 / Y, 10);
    expect(rate.annual_rate).toBeCloseTo(3 / (730 / Y), 10);
    // A band nobody was in takes the overall rate of the guarantee.
    const [other] = await e.all<{annual_rate: number}>(
      `SELECT annual_rate FROM ${tables.rates} WHERE guarantee = 'incapacity' AND sex = 'F' AND job_category = 'cadre' AND age_band = '50-59'`
    );
    expect(other.annual_rate).toBeCloseTo(3 / (730 / Y), 10);
    await prepared.close();
    await e.close();
  });
});

describe("baselines and seasons", () => {
  it("scales a segment's expected count by its credibility-weighted A/E over the reference window", async () => {
    // Reference window = 2021 (the first full year of this one-year window). C1 in 2021 at month-start bands:
    // I1 181 days at 0.10 (to June) + 184 days at 0.20 (from July), I2 291 days at 0.05: E_ref = 69.45 / 365.25;
    // A_ref = 2. Factor (2 + 10) / (E_ref + 10) with 10 claims of credibility.
    const rows = await aeCells(drift, "contract", "year", ["incapacity"], "segment");
    const c1 = find(rows, "C1", "2021");
    const portfolio = (365 * 0.1 + 291 * 0.05) / Y;
    const factor = (2 + 10) / (69.45 / Y + 10);
    expect(c1.expected_portfolio).toBeCloseTo(portfolio, 10);
    expect(c1.expected).toBeCloseTo(portfolio * factor, 10);
  });

  it("estimates a seasonal factor per calendar month as (A_m + 20) / (E_m x overall A/E + 20)", async () => {
    // One insured covered all 2021 with 12 claims, all in January: rate 12 / (365 / 365.25) a year, overall A/E 1.
    const e = await engineWith({
      contracts: [["C1", "86.10Z", "11", "2020-01-01", null]],
      insured: [["I1", "C1", "1990-01-01", "F", "cadre", "2021-01-01", null]],
      claims: Array.from({length: 12}, (_, i) => claim(`K${i}`, "I1", "C1", "incapacity", `2021-01-${String(i + 10)}`))
    });
    const prepared = await prepareDrift(e, {from: "2021-01-01", to: "2021-12-31"});
    const season = await e.all<{moy: number; factor: number}>(
      `SELECT moy, factor FROM ${tables.season} WHERE guarantee = 'incapacity' ORDER BY moy`
    );
    const rate = 12 / (365 / Y);
    expect(season[0].factor).toBeCloseTo((12 + 20) / ((31 / Y) * rate + 20), 10);
    expect(season[1].factor).toBeCloseTo(20 / ((28 / Y) * rate + 20), 10);
    await prepared.close();
    await e.close();
  });
});

describe("loss ratio S/P", () => {
  it("divides paid + reserve of all guarantees by earned premium per contract and year", async () => {
    const rows = await lossRatioCells(drift, "contract");
    const c1 = rows.find((r) => r.segment === "C1" && r.year === 2021)!;
    expect(c1.cost_eur).toBe(300 + 100 + 200 + 1000 + 500);
    expect(c1.premium_eur).toBe(1000);
    expect(c1.loss_ratio).toBeCloseTo(2.1, 10);
    expect(rows.find((r) => r.segment === "C2" && r.year === 2021)!.loss_ratio).toBe(0);
  });

  it("sums the premiums of a sector's contracts", async () => {
    const rows = await lossRatioCells(drift, "sector");
    const retail = rows.find((r) => r.segment === "47.11F" && r.year === 2021)!;
    expect(retail.premium_eur).toBe(500);
    expect(retail.cost_eur).toBe(50);
    expect(retail.loss_ratio).toBeCloseTo(0.1, 10);
  });

  it("shares a contract's premium between job categories by exposure", async () => {
    const rows = await lossRatioCells(drift, "job_category");
    const cadre = rows.find((r) => r.segment === "cadre" && r.year === 2021)!;
    const nonCadre = rows.find((r) => r.segment === "non_cadre" && r.year === 2021)!;
    // C1: I1 (cadre) 365 days, I2 (non_cadre) 291 days; C2 all non_cadre.
    expect(cadre.premium_eur).toBeCloseTo((1000 * 365) / 656, 8);
    expect(nonCadre.premium_eur).toBeCloseTo((1000 * 291) / 656 + 500, 8);
    // Cadre claims: I1's 400 + 1500 (I4's claim has no exposure, hence no premium share, but counts in cost).
    expect(cadre.cost_eur).toBe(400 + 1500 + 50);
    expect(nonCadre.loss_ratio).toBeCloseTo(200 / ((1000 * 291) / 656 + 500), 8);
  });
});
