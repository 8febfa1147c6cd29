import {existsSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
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

  it("writes CSV by default and Parquet to a file, which DuckDB reads back", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "carnet-query-")), "g.parquet");
    const sql = "SELECT guarantee, count(*) AS claims FROM claims GROUP BY guarantee ORDER BY guarantee";
    const csv = carnet(["query", sql]);
    expect(csv.stdout.split("\n")[0]).toBe("guarantee,claims");
    expect(carnet(["query", sql, "--format", "parquet", "--out", out]).code).toBe(0);
    // Read back by DuckDB itself: carnet query reads no file but the staged tables.
    const engine = await DuckDbEngine.open();
    try {
      const back = await engine.all(`SELECT * FROM read_parquet('${out}') ORDER BY guarantee`);
      expect(["guarantee,claims", ...back.map((r) => `${r.guarantee},${r.claims}`), ""].join("\n")).toBe(csv.stdout);
    } finally {
      await engine.close();
    }
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

  it("reads no file but the staged tables: the raw extracts and the machine's files are refused in one line", () => {
    for (const [sql, file] of [
      ["SELECT * FROM read_csv('data/extracts/insured.csv')", "data/extracts/insured.csv"],
      ["SELECT * FROM read_text('/etc/passwd')", "/etc/passwd"]
    ]) {
      const run = carnet(["query", sql]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([
        `carnet: query: Permission Error: Cannot access file "${file}" - file system operations are disabled by configuration (line 1, column 15)`
      ]);
    }
  });

  it("refuses a statement that writes", () => {
    const target = join(mkdtempSync(join(tmpdir(), "carnet-query-")), "should-not-exist.csv");
    for (const sql of [`COPY claims TO '${target}'`, "CREATE TABLE x AS SELECT 1"]) {
      const run = carnet(["query", sql]);
      expect(run.code).toBe(2);
      // Refused as a write, or earlier as a file it may not touch: one line either way, and nothing written.
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(
          /^carnet: query: (only statements that read \(SELECT, WITH, FROM, EXPLAIN\) run on the staged tables|Permission Error: Cannot access file)/
        )
      ]);
    }
    expect(existsSync(target)).toBe(false);
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
