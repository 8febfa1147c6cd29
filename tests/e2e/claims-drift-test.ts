/**
 * The claims-drift page in Chromium: it renders cleanly, a change of input updates every chart without a
 * reload, clicking a funnel point drills into that segment (DuckDB-Wasm answers), and the alert list downloads.
 * `npm test` builds dist/ first; this file builds nothing.
 */
import {describe, expect, test} from "vitest";
import {useBuiltPage} from "./built-page.ts";

const opened = useBuiltPage("/claims-drift");

/** What a reader sees of each chart, to compare before and after an input changes. */
async function snapshot() {
  const page = opened.visit.page;
  return {
    funnel: await page.locator(".drift-funnel circle[data-segment]").count(),
    funnelSegments: await page
      .locator(".drift-funnel circle[data-segment]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-segment")).join(",")),
    ae: (await page.locator(".drift-ae-chart").first().innerHTML()).length,
    aeHtml: await page.locator(".drift-ae-chart").first().innerHTML(),
    cusum: await page.locator(".drift-cusum").first().innerHTML(),
    heat: await page.locator(".drift-heatmap").first().innerHTML(),
    alerts: await page.locator(".drift-alerts").first().innerText(),
    drill: await page.locator("table.drift-drill").first().innerText()
  };
}

describe("claims drift page", () => {
  test("renders every chart without console errors, failed requests or cell errors", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    const s = await snapshot();
    expect(s.funnel).toBeGreaterThan(10);
    expect(s.alerts).toContain("Download the alerts (CSV)");
    expect(s.aeHtml).toContain("<svg");
    expect(s.cusum).toContain("h = 16");
    expect(s.heat).toContain("<svg");
    expect(s.drill.length).toBeGreaterThan(0);
  });

  test("changing the segment dimension updates every chart without a reload", async () => {
    const page = opened.visit.page;
    await page.evaluate(() => ((window as unknown as {__marker: number}).__marker = 42));
    const before = await snapshot();
    const select = page.locator("form select").first();
    await select.selectOption({label: "Sector (NAF)"});
    await opened.visit.settle();
    const after = await snapshot();
    expect(await page.evaluate(() => (window as unknown as {__marker?: number}).__marker)).toBe(42);
    expect(after.funnelSegments).not.toEqual(before.funnelSegments);
    expect(after.funnel).toBeLessThan(before.funnel);
    expect(after.aeHtml).not.toEqual(before.aeHtml);
    expect(after.cusum).not.toEqual(before.cusum);
    expect(after.heat).not.toEqual(before.heat);
    expect(after.alerts).not.toEqual(before.alerts);
    // The drill-down is a DuckDB-Wasm query: it answers a moment after the charts.
    await expect.poll(async () => (await snapshot()).drill, {timeout: 30_000}).not.toEqual(before.drill);
    expect(await opened.visit.problems()).toEqual([]);
  });

  test("clicking a funnel point drills into that segment", async () => {
    const page = opened.visit.page;
    const point = page.locator(".drift-funnel circle[data-segment]").nth(2);
    const segment = await point.getAttribute("data-segment");
    await point.dispatchEvent("click");
    await opened.visit.settle();
    await expect.poll(() => page.locator("#observablehq-main h2").allInnerTexts()).toContain(`Sector (NAF) ${segment}`);
    expect(await page.locator(`.drift-funnel circle[data-segment="${segment}"]`).getAttribute("r")).toBe("6");
    expect(await opened.visit.problems()).toEqual([]);
  });

  test("the alert list downloads as CSV", async () => {
    const href = await opened.visit.page.locator(".drift-alerts a[download]").getAttribute("href");
    expect(decodeURIComponent(href!)).toMatch(
      /^data:text\/csv;charset=utf-8,segment,onset,signal,reason,actual,expected,ae,excess_claims,excess_cost_eur/
    );
  });
});
