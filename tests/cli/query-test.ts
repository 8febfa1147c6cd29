/** `carnet query` and `carnet tables` through the real CLI, on the default delivery. */
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {carnet} from "./run-carnet.ts";

const lines = (text: string) => text.split("\n").filter((l) => l.trim() && !l.includes("warning"));

describe("carnet query", () => {
  it("answers SQL over the staged tables as JSON, with the accepted rows only", () => {
    const check = JSON.parse(carnet(["check", "--format", "json"]).stdout) as {
      files: {file: string; rows_accepted: number}[];
    };
    const accepted = check.files.find((f) => f.file.startsWith("claims"))!.rows_accepted;
    const run = carnet(["query", "SELECT count(*) AS n FROM claims", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{n: accepted}]);
  });

  it("writes CSV by default and Parquet to a file, which DuckDB reads back", () => {
    const out = join(mkdtempSync(join(tmpdir(), "carnet-query-")), "g.parquet");
    const sql = "SELECT guarantee, count(*) AS claims FROM claims GROUP BY guarantee ORDER BY guarantee";
    const csv = carnet(["query", sql]);
    expect(csv.stdout.split("\n")[0]).toBe("guarantee,claims");
    expect(carnet(["query", sql, "--format", "parquet", "--out", out]).code).toBe(0);
    const back = carnet(["query", `SELECT * FROM read_parquet('${out}') ORDER BY guarantee`]);
    expect(back.stdout).toBe(csv.stdout);
  });

  it("offers the team's macros", () => {
    const run = carnet([
      "query",
      "SELECT carnet_mask(5, 10) AS hidden, carnet_age_band(DATE '1990-05-01', DATE '2025-05-01') AS band",
      "--format",
      "json"
    ]);
    expect(JSON.parse(run.stdout)).toEqual([{hidden: null, band: "30-39"}]);
  });

  it("refuses bad SQL with one line giving DuckDB's message, line and column, and exit 2", () => {
    const run = carnet(["query", "SELECT *\nFORM claims"]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'carnet: query: Parser Error: syntax error at or near "claims" (line 2, column 6)'
    ]);
  });

  it("refuses a statement that writes", () => {
    const run = carnet(["query", "COPY claims TO '/tmp/carnet-should-not-exist.csv'"]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      "carnet: query: only statements that read (SELECT, WITH, FROM, EXPLAIN) run on the staged tables"
    ]);
  });
});

describe("carnet tables", () => {
  it("lists every staged table with its columns, types and rows, and the macros", () => {
    const run = carnet(["tables", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(run.stdout) as {
      key_fingerprint: string;
      tables: {table: string; rows: number; columns: {name: string; type: string}[]}[];
      macros: {name: string}[];
    };
    expect(manifest.tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(["contracts", "insured", "claims", "scores"])
    );
    const insured = manifest.tables.find((t) => t.table === "insured")!;
    expect(insured.columns).toContainEqual({name: "birth_date", type: "DATE"});
    expect(insured.columns.map((c) => c.name)).not.toContain("nir");
    const count = JSON.parse(carnet(["query", "SELECT count(*) AS n FROM insured", "--format", "json"]).stdout)[0].n;
    expect(insured.rows).toBe(count);
    expect(manifest.key_fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.macros.map((m) => m.name)).toContain("carnet_exposure_years");
  });
});
