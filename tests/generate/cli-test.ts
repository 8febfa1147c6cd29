import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {carnet} from "../cli/run-carnet.ts";

const root = mkdtempSync(join(tmpdir(), "carnet-gen-cli-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

const lines = (path: string) => readFileSync(path, "utf8").trimEnd().split("\n").length - 1;

describe("carnet generate", () => {
  const out = join(root, "extracts");
  const text = carnet(["generate", "--out", out, "--seed", "4", "--scale", "0.1"]);

  test("prints nothing on stdout and one summary line on stderr naming the folder and row counts", () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toBe("");
    const stderr = text.stderr.trimEnd().split("\n");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(out);
    expect(stderr[0]).toMatch(/20 contracts, [\d,]+ insured, .* claims/);
    expect(stderr[0]).not.toContain("\x1b"); // no progress codes when stderr is not a terminal
  });

  test("--format json prints the summary on stdout, with the row counts of the files written", () => {
    const again = carnet(["generate", "--out", out, "--seed", "4", "--scale", "0.1", "--format", "json"]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({out, seed: 4, scale: 0.1});
    for (const file of [
      "contracts",
      "insured",
      "premiums",
      "claims",
      "expertises",
      "scores",
      "models",
      "score_features"
    ])
      expect(summary.rows[file], file).toBe(lines(join(out, `${file}.csv`)));
    expect(summary.drifts).toHaveLength(4);
  });

  test("the loaders accept every generated row (carnet check rejects nothing)", () => {
    const check = carnet(["check", "--extracts", out, "--format", "json"], {CARNET_CACHE: join(root, "cache")});
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as {
      files: {file: string; rows_read: number; rows_rejected: number}[];
      rejects: unknown[];
    };
    expect(report.rejects).toEqual([]);
    expect(report.files.find((f) => f.file === "claims.csv")?.rows_read).toBe(lines(join(out, "claims.csv")));
  });

  test("refuses to write over a non-empty folder it did not generate, leaving it untouched", () => {
    const foreign = join(root, "foreign");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "keep me");
    const result = carnet(["generate", "--out", foreign]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("truth.json");
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("keep me");
  });

  test("resumes over a folder an interrupted run left behind (only generated file names, no truth.json)", () => {
    const partial = join(root, "partial");
    mkdirSync(partial);
    writeFileSync(join(partial, "claims.csv"), "claim_id\n");
    const result = carnet(["generate", "--out", partial, "--scale", "0.05"]);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(join(partial, "claims.csv"))).toBeGreaterThan(100);
  });

  test.each([
    [["--scale", "0"], "--scale"],
    [["--scale", "lots"], "--scale"],
    [["--seed", "1.5"], "--seed"],
    [["--format", "xml"], "--format"],
    [["--snapshot", "2026-01-16"], "--snapshot"],
    [["--snapshot", "2020-12-31"], "--snapshot"],
    [["--snapshot", "2024-02-30"], "--snapshot"],
    [["--snapshot", "30/09/2024"], "--snapshot"],
    [["--bogus"], "bogus"]
  ])("rejects %j with exit 2 and a one-line message naming the flag", (args, flag) => {
    const result = carnet(["generate", "--out", join(root, "unused"), ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(flag);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
