/** The team's SQL macros against hand-worked values. */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {registerMacros} from "../../loaders/query/macros.ts";

let engine: DuckDbEngine;
beforeAll(async () => {
  engine = await DuckDbEngine.open();
  await registerMacros(engine);
});
afterAll(() => engine.close());

const one = async (sql: string) => Object.values((await engine.all(`SELECT ${sql} AS v`))[0])[0];

describe("carnet_mask", () => {
  it("hides a figure describing 10 people and shows one describing 11", async () => {
    expect(await one("carnet_mask(1234.5, 10)")).toBeNull();
    expect(await one("carnet_mask(1234.5, 11)")).toBe(1234.5);
  });
});

describe("carnet_age and carnet_age_band", () => {
  it("turn 40 on the birthday, not the day before", async () => {
    expect(await one("carnet_age(DATE '1985-06-15', DATE '2025-06-14')")).toBe(39);
    expect(await one("carnet_age(DATE '1985-06-15', DATE '2025-06-15')")).toBe(40);
    expect(await one("carnet_age_band(DATE '1985-06-15', DATE '2025-06-14')")).toBe("30-39");
    expect(await one("carnet_age_band(DATE '1985-06-15', DATE '2025-06-15')")).toBe("40-49");
  });

  it("count a Feb 29 birthday from Mar 1 in a common year", async () => {
    expect(await one("carnet_age(DATE '1980-02-29', DATE '2021-02-28')")).toBe(40);
    expect(await one("carnet_age(DATE '1980-02-29', DATE '2021-03-01')")).toBe(41);
  });
});

describe("carnet_exposure_years", () => {
  it("counts the days of the cover inside the month over 365.25", async () => {
    // Jan 15 to Feb 1 (exclusive): 17 days of January.
    expect(await one("carnet_exposure_years(DATE '2020-01-15', DATE '2020-03-01', DATE '2020-01-01')")).toBeCloseTo(
      17 / 365.25,
      15
    );
    // The whole of February 2020: 29 days.
    expect(await one("carnet_exposure_years(DATE '2020-01-15', DATE '2020-03-01', DATE '2020-02-01')")).toBeCloseTo(
      29 / 365.25,
      15
    );
    expect(await one("carnet_exposure_years(DATE '2020-01-15', DATE '2020-03-01', DATE '2020-03-01')")).toBe(0);
  });
});
