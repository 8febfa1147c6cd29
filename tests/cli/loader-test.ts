/** `carnet loader run`: one loader of any language, outside the build, through the real CLI. */
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {carnet} from "./run-carnet.ts";

const dir = mkdtempSync(join(tmpdir(), "carnet-loader-"));
const lines = (text: string) => text.split("\n").filter((l) => l.trim() && !l.includes("warning"));

function loader(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe("carnet loader run", () => {
  it("runs an R loader and shows its rows, columns and first rows", () => {
    const run = carnet(["loader", "run", "src/examples/data/incapacity-glm.json.R", "--rows", "1"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^src\/examples\/data\/incapacity-glm\.json\.R: wrote incapacity-glm\.json in [\d.]+ s$/m
    );
    expect(run.stdout).toMatch(/^json: \d+ rows x 10 columns \(term, level, base, relativity/m);
  });

  it("shows an Arrow loader's schema", () => {
    const run = carnet(["loader", "run", "src/data/drift-loss-ratio.arrow.ts", "--rows", "1"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^arrow: [\d,]+ rows x 9 columns \(dimension Dictionary<Int32, Utf8>, segment/m);
  });

  it("fails a broken Python loader with one line: the file and Python's last traceback line", () => {
    const file = loader("broken.json.py", 'import carnet\ncarnet.table("claimz")\n');
    const run = carnet(["loader", "run", file]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /broken\.json\.py: Python loader failed \(exit 1\): KeyError: "no staged table 'claimz'/
    );
  });

  it("fails a Python or SQL loader that tries the raw extracts, saying so in one line with the position", () => {
    const raw = "SELECT * FROM read_csv('data/extracts/insured.csv')";
    const python = carnet(["loader", "run", loader("raw.json.py", `import carnet\ncarnet.query("${raw}")\n`)]);
    expect(python.code).toBe(2);
    expect(lines(python.stderr)).toEqual([
      expect.stringMatching(
        /raw\.json\.py: Python loader failed \(exit 1\): _duckdb\.PermissionException: Permission Error: Cannot access file "data\/extracts\/insured\.csv" .*\(line 1, column 15\)$/
      )
    ]);
    const sql = carnet(["loader", "run", loader("raw.json.sql", `${raw};\n`)]);
    expect(sql.code).toBe(2);
    expect(lines(sql.stderr)).toEqual([
      expect.stringMatching(/raw\.json\.sql: SQL loader failed \(exit 2\): Permission Error: .*\(line 1, column 15\)$/)
    ]);
  });

  it("fails a broken TypeScript loader with Node's error and the loader's line", () => {
    const file = loader(
      "broken.json.ts",
      'const cells = [1, 2];\nif (cells.length) throw new Error("the cells do not add up");\n'
    );
    const run = carnet(["loader", "run", file]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /broken\.json\.ts: TypeScript loader failed \(exit 1\): Error: the cells do not add up \(line 2\)$/
      )
    ]);
  });

  it("fails a broken R loader with R's error", () => {
    const file = loader(
      "broken.json.R",
      'source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))\nx <- carnet_query("SELECT nope FROM claims")\n'
    );
    const run = carnet(["loader", "run", file]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /broken\.json\.R: R loader failed \(exit 1\): Error: .*Referenced column "nope".*\(line 1, column 8\)/
    );
  });

  it("fails a broken SQL loader with DuckDB's message, line and column", () => {
    const file = loader("broken.csv.sql", "SELECT 1\nFORM claims\n");
    const run = carnet(["loader", "run", file]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /broken\.csv\.sql: SQL loader failed \(exit 2\): Parser Error: syntax error at or near "claims" \(line 2, column 6\)$/
      )
    ]);
  });
});
