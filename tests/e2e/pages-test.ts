/**
 * Opens every built page in Chromium and fails on anything a reader would hit: a console error, an uncaught
 * exception, a request that fails or leaves the site, a Framework cell showing an error or a stray null, undefined,
 * NaN or [object Object], or a page without a title.
 * `npm test` builds dist/ first; this file builds nothing.
 */
import {existsSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serve, type Served} from "../../loaders/site/serve.ts";
import {distDir, listFiles, requireDist} from "../build/dist-files.ts";
import {launchBrowser, openPage, type CarnetBrowser} from "./browser.ts";

/** URL paths of the built pages: every .html under dist/ but 404.html and Framework's own folders. */
function builtPages(): string[] {
  if (!existsSync(distDir)) return [];
  return listFiles(distDir)
    .filter((file) => file.endsWith(".html") && file !== "404.html" && !file.startsWith("_"))
    .map((file) => "/" + file.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""));
}

const pages = builtPages();
let browser: CarnetBrowser;
let site: Served;

beforeAll(async () => {
  if (!pages.length) return;
  site = await serve(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("every built page opens cleanly in Chromium", () => {
  test("the site has been built and has pages", () => {
    requireDist();
    expect(pages.length).toBeGreaterThan(0);
  });

  test.each(pages)(
    "%s renders without console errors, failed or outside requests, or cell errors, and has an h1",
    async (path) => {
      const visit = await openPage(browser, site.url, path);
      try {
        expect(await visit.problems()).toEqual([]);
        expect(
          await visit.page.locator("#observablehq-main h1").count(),
          "the page needs a visible title (# Title)"
        ).toBeGreaterThan(0);
      } finally {
        await visit.close();
      }
    }
  );
});
