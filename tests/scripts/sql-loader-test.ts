/** The `.sql` loader interpreter run as Framework runs it, on the default delivery. */
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const root = resolve(import.meta.dirname, "../..");

function runLoader(name: string, sql: string) {
  const file = join(mkdtempSync(join(tmpdir(), "carnet-sql-")), name);
  writeFileSync(file, sql);
  const result = spawnSync(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/sql-loader.ts"), file], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, CARNET_PSEUDONYM_KEY: "test-key"}
  });
  return {file, code: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe("a .sql loader", () => {
  it("runs on the staged tables with the team's macros", () => {
    const run = runLoader(
      "bands.json.sql",
      "SELECT carnet_age_band(birth_date, DATE '2024-01-01') AS band, count(*) AS n\nFROM insured GROUP BY ALL ORDER BY band LIMIT 2"
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as {band: string; n: number}[];
    expect(rows).toHaveLength(2);
    expect(rows[0].band).toMatch(/^\d+-\d+$/);
  });

  it("fails with one line naming the file and DuckDB's message with its line and column", () => {
    const run = runLoader("broken.json.sql", "SELECT guarantee,\n  count(*) AS n\nFORM claims GROUP BY ALL\n");
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n").filter((l) => l.trim() && !l.includes("warning"));
    expect(lines).toEqual([`sql-loader: ${run.file}: Parser Error: syntax error at or near "FORM" (line 3, column 1)`]);
  });
});
