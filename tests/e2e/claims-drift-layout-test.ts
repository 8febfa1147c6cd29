/**
 * The claims-drift page is readable on a 1400 px screen: the funnel plot and the S/P heat map take the page's
 * width, A/E and CUSUM share it two side by side, chart text is at least 12 px, and nothing stray ("null") is
 * printed under the introduction. `npm test` builds dist/ first; this file builds nothing.
 */
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serve, type Served} from "../../loaders/site/serve.ts";
import {distDir, requireDist} from "../build/dist-files.ts";
import {launchBrowser, openPage, type CarnetBrowser, type PageVisit} from "./browser.ts";

let site: Served;
let browser: CarnetBrowser;
let visit: PageVisit;

beforeAll(async () => {
  requireDist();
  site = await serve(distDir);
  browser = await launchBrowser();
  visit = await openPage(browser, site.url, "/claims-drift", {viewport: {width: 1400, height: 900}});
});

afterAll(async () => {
  await visit?.close();
  await browser?.close();
  await site?.close();
});

/** Rendered width of the first chart SVG (not a legend) inside `figure`. */
const chartWidth = (figure: string) =>
  visit.page
    .locator(`${figure} svg:not([class*="ramp"])`)
    .first()
    .evaluate((svg) => svg.getBoundingClientRect().width);

describe("claims drift page at 1400 px", () => {
  test("the funnel plot and the heat map take the page's width; A/E and CUSUM share it", async () => {
    const main = await visit.page.locator("#observablehq-main").evaluate((m) => m.getBoundingClientRect().width);
    expect(await chartWidth(".drift-funnel")).toBeGreaterThan(main * 0.95);
    expect(await chartWidth(".drift-heatmap")).toBeGreaterThan(main * 0.95);
    for (const figure of [".drift-ae-chart", ".drift-cusum"]) {
      const width = await chartWidth(figure);
      expect(width).toBeGreaterThan(main * 0.4);
      expect(width).toBeLessThan(main * 0.55);
    }
  });

  test("chart text is 12 px or more", async () => {
    const sizes = await visit.page
      .locator(".drift-funnel svg text, .drift-ae-chart svg text, .drift-cusum svg text, .drift-heatmap svg text")
      .evaluateAll((texts) => texts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  });

  test("nothing stray is printed under the introduction when the link is valid", async () => {
    const strays = await visit.page
      .locator("#observablehq-main *")
      .evaluateAll(
        (nodes) => nodes.filter((n) => n.childElementCount === 0 && n.textContent?.trim() === "null").length
      );
    expect(strays).toBe(0);
    expect(await visit.page.locator(".drift-notice").count()).toBe(0);
  });

  test("every drill-down table shows rows, not the empty-window sentence", async () => {
    await expect
      .poll(() => visit.page.locator("table.drift-drill tbody tr").count(), {timeout: 30_000})
      .toBeGreaterThan(2);
    expect(await visit.page.locator("table.drift-drill", {hasText: "No claim in this window."}).count()).toBe(0);
  });
});
