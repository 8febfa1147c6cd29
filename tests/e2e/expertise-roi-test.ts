/**
 * The expertise-targeting ROI page in Chromium, on the built site's default data: it opens without errors,
 * moving the capacity slider changes the KPI cards and the chosen point on every curve, the address keeps the
 * scenario so opening a copied link shows the same figures, and an invalid link falls back to defaults with a
 * notice. Runs on the built site (npm test builds dist/).
 */
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serve, type Served} from "../../loaders/site/serve.ts";
import {distDir, requireDist} from "../build/dist-files.ts";
import {launchBrowser, openPage, type CarnetBrowser, type PageVisit} from "./browser.ts";

let browser: CarnetBrowser;
let site: Served;
const visits: PageVisit[] = [];

beforeAll(async () => {
  requireDist();
  site = await serve(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const visit of visits) await visit.close();
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<PageVisit> {
  const visit = await openPage(browser, site.url, path);
  visits.push(visit);
  await visit.page.waitForSelector(".roi-kpi .big");
  return visit;
}

const kpis = (visit: PageVisit) =>
  visit.page.$$eval(".roi-kpi", (cards) =>
    cards.map((card) => `${card.querySelector("h2")?.textContent}: ${card.querySelector(".big")?.textContent}`)
  );

async function slide(visit: PageVisit, k: number): Promise<void> {
  await visit.page.$eval(
    '.roi-form input[name="k"]',
    (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    },
    k
  );
}

describe("the expertise ROI page", () => {
  let first: PageVisit;
  let max = 0;

  test("opens without errors, at the optimum, with KPI cards, three curves and the decile table", async () => {
    first = await open("/expertise-roi");
    expect(await first.problems()).toEqual([]);
    const cards = await kpis(first);
    expect(cards).toHaveLength(5);
    expect(cards[0]).toMatch(/^Expertises ordered: [\d,]+$/);
    expect(await first.page.locator(".roi-chart svg").count()).toBe(3);
    expect(await first.page.locator(".roi-deciles tbody tr").count()).toBe(10);
    expect(await first.page.locator(".roi-notice").isHidden()).toBe(true);
    max = Number(await first.page.getAttribute('.roi-form input[name="k"]', "max"));
    expect(max).toBeGreaterThan(100);
    // No scenario in the address: the page opens at the optimal capacity.
    const optimum = (await first.page.textContent('[data-kpi="roi"] .roi-kpi-detail'))!.match(
      /optimum ([\d,]+) expertises/
    )![1];
    expect(cards[0]).toBe(`Expertises ordered: ${optimum}`);
  });

  test("moving the capacity slider changes the KPI cards and the chosen point", async () => {
    const before = await kpis(first);
    const k = Math.round(max / 4);
    await slide(first, k);
    const after = await kpis(first);
    expect(after[0]).toBe(`Expertises ordered: ${k.toLocaleString("en-US")}`);
    expect(after).not.toEqual(before);
    const markers = await first.page.$$eval(".roi-chosen", (nodes) => nodes.map((n) => (n as SVGGElement).dataset.x));
    expect(markers).toEqual([String(k), String(k), String(k)]);
    expect(await first.problems()).toEqual([]);
  });

  test("keeps the scenario in the address, and a copied link shows the same figures", async () => {
    const cost = first.page.locator('.roi-form input[name="cost"]');
    await cost.fill("450");
    await first.page.selectOption('.roi-form select[name="saving-mode"]', "fixed");
    await first.page.locator('.roi-form input[name="saving"]').fill("7500");
    await slide(first, Math.round(max / 3));
    await first.page.waitForFunction(
      () => location.search.includes("saving=7500") && location.search.includes("cost=450")
    );
    await first.page.click(".roi-copy");
    await first.page.waitForFunction(() => document.querySelector(".roi-copy-status")?.textContent !== "");
    const link = await first.page.getAttribute(".roi-copy-status", "data-link");
    expect(link).toBe(first.page.url());
    const figures = await kpis(first);
    const details = await first.page.$$eval(".roi-kpi-detail", (nodes) => nodes.map((n) => n.textContent));

    const second = await open(new URL(link!).pathname + new URL(link!).search);
    expect(await second.problems()).toEqual([]);
    expect(await kpis(second)).toEqual(figures);
    expect(await second.page.$$eval(".roi-kpi-detail", (nodes) => nodes.map((n) => n.textContent))).toEqual(details);
    expect(await second.page.inputValue('.roi-form input[name="cost"]')).toBe("450");
    expect(await second.page.locator(".roi-notice").isHidden()).toBe(true);
  });

  test("an invalid link opens with defaults and a visible notice, never a broken page", async () => {
    const visit = await open("/expertise-roi?k=lots&cost=-3&model=v99&from=1999");
    expect(await visit.problems()).toEqual([]);
    const notice = visit.page.locator(".roi-notice");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator("li").count()).toBe(4);
    expect(await notice.textContent()).toContain('model="v99"');
    expect(await visit.page.inputValue('.roi-form input[name="cost"]')).toBe("300");
    expect((await kpis(visit))[0]).toMatch(/^Expertises ordered: [\d,]+$/);
  });

  test("on a 1400 px page the curves sit at most two side by side, at 480 px or more, with 12 px text or larger", async () => {
    const visit = await openPage(browser, site.url, "/expertise-roi", {viewport: {width: 1400, height: 900}});
    visits.push(visit);
    await visit.page.waitForSelector(".roi-chart svg");
    const charts = await visit.page.$$eval(".roi-chart svg", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize));
        return {top: Math.round(box.top), width: box.width, smallestText: Math.min(...sizes)};
      })
    );
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThanOrEqual(480);
      expect(chart.smallestText).toBeGreaterThanOrEqual(12);
    }
    const perRow = new Map<number, number>();
    for (const chart of charts) perRow.set(chart.top, (perRow.get(chart.top) ?? 0) + 1);
    expect(Math.max(...perRow.values())).toBeLessThanOrEqual(2);
    await visit.page.screenshot({path: "test-results/expertise-roi-1400.png", fullPage: true});
  });
});
