/**
 * The privacy scan over every table the site publishes (privacy-scan.ts): first on planted files, one per way a new
 * analysis could leak, then on the built dist/ itself.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {afterAll, describe, expect, it} from "vitest";
import {listFiles, requireDist} from "./dist-files.ts";
import {privacyProblems} from "./privacy-scan.ts";
import {tablesOf} from "./published-tables.ts";

const planted = mkdtempSync(join(tmpdir(), "carnet-planted-"));
mkdirSync(join(planted, "_file", "data"), {recursive: true});
afterAll(() => rmSync(planted, {recursive: true, force: true}));

function plant(name: string, content: Uint8Array | string): string[] {
  const file = `_file/data/${name}`;
  writeFileSync(join(planted, file), content);
  return tablesOf(planted, file).flatMap(privacyProblems);
}

const people = Array.from({length: 50}, (_, i) => i);
const hex = (i: number) => (0x9e3779b97f4a7c15n * BigInt(i + 1)).toString(16).padStart(16, "0").slice(-16);
const birth = (i: number) => `${1950 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`;

describe("the privacy scan of published tables", () => {
  it("catches 50 people's raw insured_id, birth_date, sex and contract_id", () => {
    const table = tableFromArrays({
      insured_id: people.map(hex),
      birth_date: people.map(birth),
      sex: people.map((i) => (i % 2 ? "F" : "M")),
      contract_id: people.map((i) => `CT${String(i % 7).padStart(6, "0")}`)
    });
    const problems = plant("people.arrow", tableToIPC(table));
    expect(problems.join("\n")).toContain("column insured_id identifies people");
    expect(problems.join("\n")).toContain("column insured_id holds pseudonyms");
    expect(problems.join("\n")).toContain("column birth_date holds birth dates");
    expect(problems.join("\n")).toContain("one row per person or claim");
  });

  it("recognises pseudonyms and birth dates by their values under innocent column names", () => {
    const csv = ["ref,day", ...people.map((i) => `${hex(i)},${birth(i)}`)].join("\n");
    const problems = plant("renamed.csv", csv);
    expect(problems).toEqual([
      "_file/data/renamed.csv: column ref holds pseudonyms",
      "_file/data/renamed.csv: column day holds birth dates"
    ]);
  });

  it("catches an aggregate row of fewer than 11 insured whose figures are shown, inside a JSON document too", () => {
    const report = {
      segments: [
        {segment: "A", insured: 120, cost_eur: 5400},
        {segment: "B", insured: 7, cost_eur: 310}
      ]
    };
    expect(plant("report.json", JSON.stringify(report))).toEqual([
      "_file/data/report.json#segments: an aggregate of fewer than 11 is not masked (row 1: insured = 7 with cost_eur shown)"
    ]);
  });

  it("accepts the same aggregate once the small row is masked before it is written", () => {
    const report = {
      segments: [
        {segment: "A", insured: 120, cost_eur: 5400},
        {segment: "B", insured: 7, cost_eur: null}
      ]
    };
    expect(plant("masked.json", JSON.stringify(report))).toEqual([]);
  });

  it("lets the ROI backtest through with its own columns only", () => {
    const backtest = {
      model_version: ["v1"],
      rank: [1],
      score: [0.9],
      year: [2025],
      abuse: [1],
      saving_eur: [8000],
      arm: ["model"]
    };
    expect(plant("roi-claims.0123abcd.arrow", tableToIPC(tableFromArrays(backtest)))).toEqual([]);
    const leaking = tableToIPC(tableFromArrays({...backtest, contract_id: ["CT000001"]}));
    expect(plant("roi-claims.0123abcd.arrow", leaking)).toEqual([
      "_file/data/roi-claims.0123abcd.arrow: the ROI backtest holds columns beyond its list: contract_id"
    ]);
  });
});

describe("the built site", () => {
  it("publishes no table of people, pseudonyms or birth dates, and no unmasked aggregate of fewer than 11", () => {
    const dir = requireDist();
    const files = listFiles(dir).filter((f) => !/^_(npm|node|observablehq)\//.test(f));
    const tables = files.flatMap((f) => tablesOf(dir, f));
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.flatMap(privacyProblems)).toEqual([]);
  });
});
