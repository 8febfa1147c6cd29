/**
 * Browser harness for page tests: Debian's Chromium driven by playwright-core (never `npx playwright install`).
 *
 *   const browser = await launchBrowser();
 *   const site = await serve("dist");
 *   const visit = await openPage(browser, site.url, "/claims-drift");
 *   expect(visit.problems()).toEqual([]);     // console errors, page errors, failed/outside requests, cell errors
 *   await visit.page.click(...);              // then interact with visit.page and call visit.settle() again
 *   await visit.close();
 *
 * Chromium runs headless with networking side channels switched off (otherwise it floods a closed network), in a
 * fresh profile: playwright gives every launch its own temporary user-data folder and deletes it on close (it
 * refuses an explicit --user-data-dir argument). Requests to any origin other than the served site are recorded and
 * aborted: a page must work with this machine alone.
 */
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {CHROMIUM, chromiumArgs} from "../../loaders/browser/chromium.ts";

export {CHROMIUM};

export interface CarnetBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches Debian's Chromium headless, offline-friendly, with a fresh (temporary) user-data folder. */
export async function launchBrowser(): Promise<CarnetBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs
  });
  return {
    browser,
    async close() {
      await browser.close();
    }
  };
}

export interface PageVisit {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  outsideRequests: string[];
  /** Waits until the network is idle and every Framework cell has rendered (no loading placeholder left). */
  settle(timeout?: number): Promise<void>;
  /** Framework cells that rendered an error, as their text. */
  cellErrors(): Promise<string[]>;
  /** Values a reader should never see: a cell showing null, undefined or NaN, text with NaN or [object Object]. */
  strayValues(): Promise<string[]>;
  /** Everything that went wrong, one line each: empty when the page is healthy. */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens `path` of the site served at `baseUrl` in a fresh context, recording everything that goes wrong. */
export async function openPage(
  browser: CarnetBrowser | Browser,
  baseUrl: string,
  path: string,
  options: {viewport?: {width: number; height: number}} = {}
): Promise<PageVisit> {
  const b = "browser" in browser ? browser.browser : browser;
  const origin = new URL(baseUrl).origin;
  const context = await b.newContext({
    viewport: options.viewport ?? {width: 1280, height: 900},
    serviceWorkers: "block"
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  const outsideRequests: string[] = [];

  await context.route(
    (url) =>
      url.origin !== origin &&
      (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:"),
    async (route) => {
      outsideRequests.push(route.request().url());
      await route.abort("blockedbyclient");
    }
  );
  page.on("console", (message) => {
    if (message.type() === "error") {
      const location = message.location();
      consoleErrors.push(`${message.text()}${location?.url ? ` (${location.url}:${location.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => pageErrors.push(error.stack?.split("\n").slice(0, 3).join(" | ") ?? error.message));
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "failed";
    // A fetch the page itself cancels (a cell re-running while its file loads, a navigation) is not a broken
    // request; anything else failing on the site's own origin is.
    if (error === "net::ERR_ABORTED") return;
    if (new URL(request.url()).origin === origin) failedRequests.push(`${request.url()}: ${error}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });

  const settle = async (timeout = 60_000): Promise<void> => {
    await page.waitForLoadState("networkidle", {timeout});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {
      timeout
    });
    // Cells that finished may start new work (a DuckDB query after its table loaded): wait for that too.
    await page.waitForLoadState("networkidle", {timeout});
  };
  const cellErrors = async (): Promise<string[]> =>
    page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => (node.textContent ?? "").trim().slice(0, 300)));

  const strayValues = async (): Promise<string[]> =>
    page.evaluate(() => {
      const found: string[] = [];
      // A cell whose expression evaluated to nothing useful shows it through Framework's inspector.
      for (const node of document.querySelectorAll("#observablehq-main .observablehq--inspect")) {
        const text = (node.textContent ?? "").trim();
        if (/^(null|undefined|NaN)$/.test(text)) found.push(`a cell shows ${text}`);
      }
      // Text written by code: a number gone wrong or an object turned into a string. (The word "undefined" alone
      // is how the detectors page writes a metric that has no meaning, so it is not searched in text.)
      const walker = document.createTreeWalker(document.querySelector("#observablehq-main") ?? document.body, 4);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        const match = /\bNaN\b|\[object Object\]/.exec(text);
        if (match) found.push(`text shows ${match[0]}: "${text.trim().slice(0, 80)}"`);
      }
      return found;
    });

  await page.goto(new URL(path, baseUrl).href, {waitUntil: "load"});
  await settle();

  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    failedRequests,
    outsideRequests,
    settle,
    cellErrors,
    strayValues,
    async problems() {
      return [
        ...consoleErrors.map((e) => `console error: ${e}`),
        ...pageErrors.map((e) => `page error: ${e}`),
        ...failedRequests.map((e) => `failed request: ${e}`),
        ...outsideRequests.map((e) => `request to another origin: ${e}`),
        ...(await cellErrors()).map((e) => `cell error: ${e}`),
        ...(await strayValues()).map((e) => `stray value: ${e}`)
      ];
    },
    async close() {
      await context.close();
    }
  };
}
