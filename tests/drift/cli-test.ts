import {cpSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {carnet} from "../cli/run-carnet.ts";

const work = mkdtempSync(join(tmpdir(), "carnet-drift-cli-"));
const extracts = join(work, "extracts");
const env = {CARNET_CACHE: join(work, "cache")};

beforeAll(() => {
  const generated = carnet(["generate", "--out", extracts, "--seed", "3", "--scale", "0.1"], env);
  if (generated.code !== 0) throw new Error(generated.stderr);
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

const ROW_KEYS = ["segment", "period", "exposure_years", "actual", "expected", "ae", "ae_low", "ae_high"];

describe("carnet drift", () => {
  it("prints one row per segment and period with the documented columns, and alerts on request", () => {
    const result = carnet(["drift", "--extracts", extracts, "--by", "sector", "--period", "quarter", "--alerts"], env);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.rows.length).toBeGreaterThan(0);
    for (const row of out.rows) {
      expect(Object.keys(row)).toEqual(ROW_KEYS);
      expect(row.period).toMatch(/^\d{4}-Q[1-4]$/);
    }
    expect(Array.isArray(out.alerts)).toBe(true);
    for (const alert of out.alerts) {
      expect(alert.onset).toMatch(/^\d{4}-\d{2}$/);
      for (const key of ["segment", "actual", "expected", "excess_claims", "excess_cost_eur"])
        expect(alert).toHaveProperty(key);
    }
    expect(out.reference.source).toBe("estimated");
  });

  it("counts the same claims whatever the period: a year is the sum of its months", () => {
    const monthly = JSON.parse(
      carnet(["drift", "--extracts", extracts, "--by", "guarantee", "--period", "month"], env).stdout
    ).rows;
    const yearly = JSON.parse(
      carnet(["drift", "--extracts", extracts, "--by", "guarantee", "--period", "year"], env).stdout
    ).rows;
    const year = yearly.find(
      (r: {segment: string; period: string}) => r.segment === "incapacity" && r.period === "2023"
    );
    const months = monthly.filter(
      (r: {segment: string; period: string}) => r.segment === "incapacity" && r.period.startsWith("2023-")
    );
    expect(months).toHaveLength(12);
    expect(months.reduce((s: number, r: {actual: number}) => s + r.actual, 0)).toBe(year.actual);
    expect(months.reduce((s: number, r: {exposure_years: number}) => s + r.exposure_years, 0)).toBeCloseTo(
      year.exposure_years,
      6
    );
    expect(monthly.every((r: {period: string}) => /^\d{4}-\d{2}$/.test(r.period))).toBe(true);
    expect(yearly.every((r: {period: string}) => /^\d{4}$/.test(r.period))).toBe(true);
  });

  it("writes the rows as CSV", () => {
    const result = carnet(
      ["drift", "--extracts", extracts, "--by", "region", "--period", "year", "--format", "csv"],
      env
    );
    expect(result.code, result.stderr).toBe(0);
    const [header, first] = result.stdout.trim().split("\n");
    expect(header).toBe(ROW_KEYS.join(","));
    expect(first.split(",")).toHaveLength(ROW_KEYS.length);
  });

  it("uses reference_rates.csv from the extract folder when present", () => {
    const withRates = join(work, "with-rates");
    cpSync(extracts, withRates, {recursive: true});
    writeFileSync(
      join(withRates, "reference_rates.csv"),
      "guarantee,sex,job_category,age_band,annual_rate\nincapacity,F,cadre,30-39,0.2\n"
    );
    const out = JSON.parse(
      carnet(["drift", "--extracts", withRates, "--by", "job_category", "--period", "year"], env).stdout
    );
    expect(out.reference.source).toBe("reference_rates.csv");
  });

  it("refuses an unknown dimension, period or guarantee in one line with exit 2", () => {
    for (const args of [
      ["--by", "employer"],
      ["--period", "week"],
      ["--guarantee", "dental"],
      ["--from", "2023-13-01"]
    ]) {
      const result = carnet(["drift", "--extracts", extracts, ...args], env);
      expect(result.code, args.join(" ")).toBe(2);
      expect(
        result.stderr
          .trim()
          .split("\n")
          .filter((l) => !l.includes("warning"))
      ).toHaveLength(1);
    }
  });
});
