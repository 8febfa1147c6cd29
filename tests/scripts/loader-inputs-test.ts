import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {importClosure} from "../../loaders/source/imports.ts";
import {findLoaders, loaderDigest} from "../../scripts/loader-inputs.ts";

/** A tiny project: two loaders, one importing lib/x.ts (as x.js, browser-style) which imports lib/y.ts. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "carnet-loaders-"));
  for (const dir of ["src/data", "src/lib", "src/.observablehq/cache/data", "scripts"])
    mkdirSync(join(root, dir), {recursive: true});
  writeFileSync(join(root, "src/lib/y.ts"), "export const y = 1;\n");
  writeFileSync(join(root, "src/lib/x.ts"), 'import {y} from "./y.js";\nexport const x = y + 1;\n');
  writeFileSync(join(root, "src/data/a.json.ts"), 'import {x} from "../lib/x.js";\nconsole.log(x);\n');
  writeFileSync(join(root, "src/data/b.csv.ts"), 'console.log("b");\n');
  writeFileSync(join(root, "src/data/c.arrow.sql"), "SELECT 1;\n");
  writeFileSync(join(root, "scripts/sql-loader.ts"), "// runs .sql loaders\n");
  writeFileSync(join(root, "src/.observablehq/cache/data/a.json.ts"), "// not a loader: Framework's cache\n");
  return root;
}

const digest = (root: string, loader: string) => loaderDigest(root, join(root, "src"), loader, () => "");

describe("loader inputs", () => {
  it("finds every loader of the source root, whatever its language, and nothing in Framework's cache", () => {
    expect(findLoaders(join(project(), "src"))).toEqual(["data/a.json.ts", "data/b.csv.ts", "data/c.arrow.sql"]);
  });

  it("follows imports transitively, resolving browser-style .js specifiers to .ts files", () => {
    const root = project();
    const closure = importClosure(join(root, "src/data/a.json.ts")).map((path) => path.slice(root.length + 1));
    expect(closure).toEqual(["src/data/a.json.ts", "src/lib/x.ts", "src/lib/y.ts"]);
  });

  it("changes a loader's digest when a module it imports changes, and only that loader's", () => {
    const root = project();
    const before = {a: digest(root, "data/a.json.ts"), b: digest(root, "data/b.csv.ts")};
    writeFileSync(join(root, "src/lib/y.ts"), "export const y = 2;\n");
    expect(digest(root, "data/a.json.ts")).not.toBe(before.a);
    expect(digest(root, "data/b.csv.ts")).toBe(before.b);
  });

  it("ties a SQL loader to the interpreter that runs it", () => {
    const root = project();
    const before = digest(root, "data/c.arrow.sql");
    writeFileSync(join(root, "scripts/sql-loader.ts"), "// runs .sql loaders, now differently\n");
    expect(digest(root, "data/c.arrow.sql")).not.toBe(before);
  });
});
