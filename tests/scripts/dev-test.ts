/**
 * The preview follows the author (scripts/dev.ts): after an edit of a module a loader imports, the loader's cached
 * output is cleared and the loader file touched, so Framework's preview re-runs it; loaders that do not import the
 * module are left alone.
 */
import {mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {followEdits} from "../../scripts/dev.ts";

const source = mkdtempSync(join(tmpdir(), "carnet-dev-"));
afterAll(() => rmSync(source, {recursive: true, force: true}));

describe("npm run dev's watcher", () => {
  test("re-runs the loaders that import an edited module, and only them", async () => {
    mkdirSync(join(source, "data"), {recursive: true});
    mkdirSync(join(source, ".observablehq", "cache", "data"), {recursive: true});
    writeFileSync(join(source, "rule.ts"), "export const MIN = 11;\n");
    writeFileSync(join(source, "data", "uses.json.ts"), 'import {MIN} from "../rule.ts";\nconsole.log(MIN);\n');
    writeFileSync(join(source, "data", "other.json.ts"), "console.log(1);\n");
    await followEdits(source); // the first stamps
    const old = new Date("2020-01-01");
    for (const loader of ["uses.json.ts", "other.json.ts"]) {
      utimesSync(join(source, "data", loader), old, old);
      writeFileSync(join(source, ".observablehq", "cache", "data", loader.replace(/\.ts$/, "")), "{}");
    }
    expect(await followEdits(source)).toEqual([]);

    writeFileSync(join(source, "rule.ts"), "export const MIN = 12;\n");
    expect(await followEdits(source)).toEqual(["data/uses.json.ts"]);
    expect(statSync(join(source, "data", "uses.json.ts")).mtime.getFullYear()).toBeGreaterThan(2020);
    expect(statSync(join(source, "data", "other.json.ts")).mtime.getFullYear()).toBe(2020);
    expect(existsSync(join(source, ".observablehq", "cache", "data", "uses.json"))).toBe(false);
    expect(existsSync(join(source, ".observablehq", "cache", "data", "other.json"))).toBe(true);
  });
});
