/**
 * Claims drift at the bench: the loaders behind the page (staging the drift tables, A/E cells for every
 * dimension and grain, loss ratio, per-claim table, the headless report with alerts) and the drill-down
 * queries the page runs in DuckDB-Wasm, here in Node DuckDB over the same per-claim rows (median of 20 runs
 * per query, after a warm-up). Then, when dist/ holds the built page, the drill-down as a reader gets it: the
 * page in Debian's Chromium, clicking funnel points one after another and reading the time DuckDB-Wasm took
 * (the page's data-query-ms), on the data the site was built with. The 300 ms drill-down budget of the page is
 * read from these figures, never asserted in a test.
 * Run alone with `npx tsx bench/drift.ts [DIR]`, or through `npm run bench`.
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {driftReport} from "../loaders/drift/drift.ts";
import {pageDrillPeriods, pageDrillProfiles} from "../loaders/drift/drill.ts";
import {pageCells, pageLossRatio, preparePage} from "../loaders/drift/page-data.ts";
import {createClaimFactsSql} from "../loaders/drift/sql/duckdb/claim-facts.ts";
import {drillPeriodsSql, drillProfilesSql, factsSourceSql} from "../loaders/drift/sql/duckdb/drill-cube.ts";
import type {Engine} from "../loaders/engine/engine.ts";
import {literal} from "../loaders/engine/sql.ts";
import {extractsDir} from "../loaders/extracts/location.ts";
import {openExtracts} from "../loaders/extracts/open.ts";
import {drillByPeriodSql, drillByProfileSql, drillParams} from "../src/lib/drift/drilldown.ts";

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/** Node DuckDB has no `?` parameters through the Engine seam: substitute escaped literals, as the page's values. */
function bind(sql: string, params: string[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => literal(params[i++]));
}

async function median(engine: Engine, sql: string, runs = 20): Promise<number> {
  await engine.all(sql);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(() => engine.all(sql)))[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

export async function benchDrift(dir: string): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const [extracts, openMs] = await timed(() => openExtracts(dir));
  figures.open_ms = openMs;
  const {engine, snapshotDate} = extracts;
  try {
    const [{drift}, prepareMs] = await timed(() => preparePage(engine, {snapshotDate, extractsDir: extracts.dir}));
    figures.prepare_ms = prepareMs;
    const [cells, cellsMs] = await timed(() => pageCells(drift));
    figures.page_cells_ms = cellsMs;
    figures.page_cells_rows = cells.length;
    figures.page_loss_ratio_ms = (await timed(() => pageLossRatio(drift)))[1];
    const [drill, drillMs] = await timed(async () => ({
      periods: await pageDrillPeriods(drift),
      profiles: await pageDrillProfiles(drift)
    }));
    figures.page_drill_ms = drillMs;
    figures.page_drill_rows = drill.periods.length + drill.profiles.length;
    const {setup} = drift;
    await drift.close();
    figures.report_contract_month_alerts_ms = (
      await timed(() =>
        driftReport(engine, {dimension: "contract", grain: "month", snapshotDate, extractsDir: extracts.dir})
      )
    )[1];

    // The drill-down cubes as the page loads them, then the page's two queries on the largest contract and sector.
    await engine.run(createClaimFactsSql("bench_claim_facts", setup.window));
    const source = factsSourceSql("bench_claim_facts");
    await engine.run(`CREATE OR REPLACE TEMP TABLE periods AS ${drillPeriodsSql(source)}`);
    await engine.run(`CREATE OR REPLACE TEMP TABLE profiles AS ${drillProfilesSql(source)}`);
    const [{contract}] = await engine.all<{contract: string}>(
      `SELECT contract_id AS contract FROM bench_claim_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`
    );
    const [{sector}] = await engine.all<{sector: string}>(
      `SELECT sector_naf AS sector FROM bench_claim_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`
    );
    const months = {from: setup.window.from.slice(0, 7), to: setup.window.to.slice(0, 7)};
    for (const [dimension, segment] of [
      ["contract", contract],
      ["sector", sector]
    ]) {
      const params = drillParams({dimension, grain: "quarter", guarantee: "incapacity", ...months}, segment);
      figures[`drilldown_${dimension}_by_quarter_ms`] = await median(engine, bind(drillByPeriodSql, params.byPeriod));
      figures[`drilldown_${dimension}_by_profile_ms`] = await median(engine, bind(drillByProfileSql, params.byProfile));
    }
  } finally {
    await engine.close();
  }
  Object.assign(figures, await browserDrift(resolve(import.meta.dirname, "../dist")));
  return figures;
}

/**
 * The drift page of a built site in Debian's Chromium: time from navigation to the first chart (the funnel's
 * points drawn), then the median and worst DuckDB-Wasm drill-down time over up to 12 segments clicked.
 */
export async function browserDrift(dist: string): Promise<Record<string, number>> {
  if (!existsSync(join(dist, "claims-drift.html"))) {
    process.stderr.write(`bench: drift in the browser skipped (no ${join(dist, "claims-drift.html")})\n`);
    return {};
  }
  const {serve} = await import("../loaders/site/serve.ts");
  const {launchBrowser, openPage} = await import("../tests/e2e/browser.ts");
  const site = await serve(dist);
  const browser = await launchBrowser();
  try {
    const started = performance.now();
    const visit = await openPage(browser, site.url, "/claims-drift");
    const page = visit.page;
    const points = page.locator(".drift-funnel circle[data-segment]");
    await points.first().waitFor({timeout: 120_000});
    const firstChart = performance.now() - started;
    const timing = page.locator(".drift-drill-timing");
    await timing.waitFor({timeout: 120_000});
    const times: number[] = [];
    const count = Math.min(12, await points.count());
    for (let i = 0; i < count; i++) {
      const segment = (await points.nth(i).getAttribute("data-segment"))!;
      await points.nth(i).dispatchEvent("click");
      await page.waitForFunction(
        (s) => document.querySelector(".drift-drill-timing")?.textContent?.includes(` ${s} `) ?? false,
        segment,
        {timeout: 30_000}
      );
      times.push(Number(await page.locator(".drift-drill-timing").getAttribute("data-query-ms")));
    }
    await visit.close();
    times.sort((a, b) => a - b);
    return {
      browser_first_chart_ms: Math.round(firstChart),
      ...(times.length
        ? {
            browser_drilldown_segments: times.length,
            browser_drilldown_median_ms: times[Math.floor(times.length / 2)],
            browser_drilldown_max_ms: times[times.length - 1]
          }
        : {})
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await benchDrift(process.argv[2] ?? extractsDir());
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(40)} ${value.toFixed(1)}`);
}
