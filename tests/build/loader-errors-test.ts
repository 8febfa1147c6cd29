/**
 * A failing Python or R loader, run as the build runs it (package.json: CARNET_LOADER_ERRORS=one-line, the project's
 * Python with python/ on its path, Rscript with R/rprofile.R), says so in one line on stderr, naming the loader and
 * the language's message (DuckDB's with its line and column), which Framework shows above its own "loader exited".
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, describe, expect, test} from "vitest";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "carnet-loader-errors-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const env = {
  ...process.env,
  CARNET_HOME: root,
  CARNET_TABLES: "",
  CARNET_LOADER_ERRORS: "one-line",
  CARNET_PSEUDONYM_KEY: "test-key",
  PYTHONPATH: join(root, "python"),
  R_PROFILE_USER: join(root, "R", "rprofile.R")
};

function run(command: string, file: string, code: string) {
  writeFileSync(file, code);
  return spawnSync(command, [file], {cwd: root, env, encoding: "utf8"});
}

describe("a failing loader in the build", () => {
  test("in Python: one line with the loader, its line and the exception", () => {
    const file = join(work, "broken.json.py");
    const result = run(
      join(root, ".venv/bin/python"),
      file,
      'import carnet\n\ncarnet.query("SELECT nope FROM claims")\n'
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^carnet: .*broken\.json\.py:3: Python loader failed: BinderException: Binder Error: Referenced column "nope" not found.* \(line 1, column 8\)$/
      )
    ]);
  });

  test("in R: one line with the loader and R's message", () => {
    const file = join(work, "broken.json.R");
    const result = run(
      "Rscript",
      file,
      'source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))\nstop("the cells do not add up")\n'
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([`carnet: ${file}: R loader failed: the cells do not add up`]);
  });
});
