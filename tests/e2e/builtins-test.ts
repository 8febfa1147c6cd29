/**
 * The offline vendoring end to end: builds a one-page fixture site using every Framework built-in Carnet ships
 * (Plot, Inputs, d3, htl, `sql` front matter and DuckDBClient on Arrow, arquero, FileAttachment csv and arrow) with
 * the fetch guard on, then opens it in Chromium and checks each cell computed the right value with no request
 * leaving the site. The real pages may not use all of these yet; this proves they would work.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {delimiter, join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serve, type Served} from "../../loaders/site/serve.ts";
import {vendorNpm} from "../../scripts/vendor-npm.ts";
import {projectRoot} from "../build/dist-files.ts";
import {launchBrowser, openPage, type CarnetBrowser, type PageVisit} from "./browser.ts";

const fixture = join(projectRoot, "tests", "e2e", "fixture");
const out = mkdtempSync(join(tmpdir(), "carnet-fixture-"));
let build: {status: number | null; output: string};
let site: Served;
let browser: CarnetBrowser;
let visit: PageVisit;

beforeAll(async () => {
  await vendorNpm(join(fixture, "src"));
  const result = spawnSync(join(projectRoot, "node_modules", ".bin", "observable"), ["build"], {
    cwd: fixture,
    encoding: "utf8",
    timeout: 300_000,
    env: {
      ...process.env,
      PATH: `${join(projectRoot, "node_modules", ".bin")}${delimiter}${process.env.PATH}`,
      NODE_OPTIONS: `--require ${join(projectRoot, "scripts", "no-network.cjs")}`,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      CARNET_FIXTURE_OUT: out
    }
  });
  build = {status: result.status, output: `${result.stdout}\n${result.stderr}`};
  if (build.status !== 0) return;
  site = await serve(out);
  browser = await launchBrowser();
  visit = await openPage(browser, site.url, "/");
});

afterAll(async () => {
  await visit?.close();
  await browser?.close();
  await site?.close();
  rmSync(out, {recursive: true, force: true});
});

const text = (id: string) => visit.page.locator(`#${id}`).textContent();

describe("Framework built-ins work offline from the vendored npm cache", () => {
  test("the fixture builds with the fetch guard on, without asking any CDN", () => {
    expect(build.output).not.toMatch(/no-network guard|jsdelivr|unable to fetch/);
    expect(build.status, build.output.slice(-2000)).toBe(0);
  });

  test("the site ships one copy of d3 and of Arrow, and DuckDB-Wasm's wasm builds", () => {
    const npm = readdirSync(join(out, "_npm"));
    expect(npm.filter((name) => name.startsWith("d3@"))).toHaveLength(1);
    expect(npm.filter((name) => name.startsWith("apache-arrow@"))).toHaveLength(1);
    expect(existsSync(join(out, "_npm", "@duckdb", "duckdb-wasm@1.29.0", "dist", "duckdb-eh.wasm"))).toBe(true);
  });

  test("the page renders with no console error, failed or outside request, or cell error", async () => {
    expect(await visit.problems()).toEqual([]);
  });

  test("Plot draws an SVG chart with three bars", async () => {
    expect(await visit.page.locator("svg g[aria-label='bar'] rect").count()).toBe(3);
  });

  test("Inputs, d3 and htl: the range starts at 4 and π formats as 3.14", async () => {
    expect(await text("inputs")).toBe("4");
    expect(await text("d3")).toBe("3.14");
  });

  test("sql front matter on an Arrow file runs in DuckDB-Wasm: even 2+4+6+8+10 = 30, odd 1+3+5+7+9 = 25", async () => {
    expect(await text("sql")).toBe("even=30 odd=25");
  });

  test("DuckDBClient counts the 6 rows with n > 4", async () => {
    expect(await text("duckdb")).toBe("6");
  });

  test("arquero sums 1+2+3+4 = 10", async () => {
    expect(await text("arquero")).toBe("10");
  });

  test("FileAttachment reads CSV (d3-dsv) and Arrow (apache-arrow)", async () => {
    expect(await text("csv")).toBe("a1,b2,c3");
    expect(await text("arrow")).toBe("10 odd");
  });

  test("the page check finds a cell showing null, a NaN and an [object Object] written by code", async () => {
    const stray = await openPage(browser, site.url, "/stray");
    try {
      const found = await stray.strayValues();
      expect(found).toHaveLength(3);
      expect(found[0]).toBe("a cell shows null");
      expect(found.join("\n")).toContain("NaN");
      expect(found.join("\n")).toContain("[object Object]");
    } finally {
      await stray.close();
    }
  });
});
