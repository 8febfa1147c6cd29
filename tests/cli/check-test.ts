import {mkdtempSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {files, withExtra, writeExtracts} from "../extracts/fixture.ts";
import {carnet} from "./run-carnet.ts";

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

describe("carnet check", () => {
  it("prints the accounting and every reject as JSON and exits 0 on a loadable folder", () => {
    const dir = writeExtracts({
      "claims.csv": withExtra("claims.csv", "K9,I9,C1,incapacity,2021-01-01,2021-01-02,,1,1,0,open", "K10,I1,C1")
    });
    const result = carnet(["check", "--extracts", dir, "--format", "json"], cache());
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.find((f: {file: string}) => f.file === "claims.csv")).toEqual({
      file: "claims.csv",
      rows_read: 6,
      rows_accepted: 4,
      rows_rejected: 2
    });
    expect(report.rejects).toEqual([
      {
        file: "claims.csv",
        line: 6,
        column: "insured_id",
        reason: 'insured_id "I9" not found among accepted rows of insured'
      },
      {file: "claims.csv", line: 7, column: "guarantee", reason: "expected 11 fields, found 3"}
    ]);
  });

  it("gives a one-line error naming the file when a required file is missing", () => {
    const dir = writeExtracts({"premiums.csv": null});
    expectOneLineError(
      carnet(["check", "--extracts", dir], cache()),
      "premiums.csv",
      "file not found",
      "premiums.parquet"
    );
  });

  it("gives a one-line error naming the file, line 1 and the column when a required column is missing", () => {
    const dir = writeExtracts({"claims.csv": files["claims.csv"].replace("guarantee,", "garantie,")});
    expectOneLineError(
      carnet(["check", "--extracts", dir], cache()),
      "claims.csv line 1",
      'missing required column "guarantee"',
      "garantie"
    );
  });

  it("gives a one-line error when a file is not text in any allowed encoding", () => {
    const dir = writeExtracts({"scores.csv": Buffer.from(files["scores.csv"], "utf16le")});
    expectOneLineError(carnet(["check", "--extracts", dir], cache()), "scores.csv", "expected UTF-8 or Windows-1252");
  });

  it("gives a one-line error when a file has no header line", () => {
    const dir = writeExtracts({"expertises.csv": "\n"});
    expectOneLineError(carnet(["check", "--extracts", dir], cache()), "expertises.csv line 1", "header");
  });

  it("gives a one-line error for an extract folder that does not exist", () => {
    expectOneLineError(
      carnet(["check", "--extracts", "/nonexistent/extracts"], cache()),
      "/nonexistent/extracts",
      "not found"
    );
  });

  it("refuses an unknown flag with a one-line usage error", () => {
    expectOneLineError(carnet(["check", "--bogus"], cache()), "carnet check", "--bogus");
  });

  it("prints help for the verb", () => {
    const result = carnet(["check", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--extracts DIR");
  });

  it("never writes a name, a NIR or a raw insured id into its staged cache", async () => {
    const dir = writeExtracts();
    const env = cache();
    expect(carnet(["check", "--extracts", dir], env).code).toBe(0);
    const engine = await DuckDbEngine.open();
    const files = readdirSync(env.CARNET_CACHE, {recursive: true})
      .map(String)
      .filter((f) => f.endsWith(".parquet"));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const rows = await engine.all(`SELECT * FROM read_parquet('${join(env.CARNET_CACHE, file)}')`);
      const text = JSON.stringify(rows);
      for (const secret of ["Boulangerie", "Transports Martin", "1850275123456", '"I1"', '"K1"'])
        expect(text).not.toContain(secret);
    }
    await engine.close();
    rmSync(env.CARNET_CACHE, {recursive: true, force: true});
  });
});
