/**
 * The ROI slider in the real browser: opens the built /expertise-roi page in Debian's Chromium (playwright-core),
 * mounts a second explorer from the page's own modules on 100,000 synthetic scored claims, and times slider moves
 * with performance.now(): the input event's handler (lookups, KPI text, markers) plus the style and layout it
 * forces. One animation frame is 16 ms. Needs a built site (dist/, or CARNET_DIST); without one it reports nothing.
 * Run alone with `npx tsx bench/roi-browser.ts`, or through `npm run bench` (via bench/roi.ts).
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium} from "playwright-core";
import {serve} from "../loaders/site/serve.ts";

const CLAIMS = 100_000;
const MOVES = 300;
const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

export async function benchRoiBrowser(): Promise<Record<string, number>> {
  const dist = process.env.CARNET_DIST ? resolve(process.env.CARNET_DIST) : join(root, "dist");
  if (!existsSync(join(dist, "expertise-roi.html"))) {
    process.stderr.write("bench: roi-browser skipped (no built dist/expertise-roi.html; run npm run build)\n");
    return {};
  }
  const site = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CARNET_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(new URL("/expertise-roi", site.url).href, {waitUntil: "load"});
    await page.waitForSelector(".roi-kpi .big", {timeout: 120_000});
    // tsx compiles the function below with esbuild's keepNames, which calls a __name helper the page lacks.
    await page.evaluate("window.__name = (fn) => fn");
    return await page.evaluate(
      async ({claims, moves}) => {
        const urls = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
          (link) => link.href
        );
        const load = (name: string) => {
          const url = urls.find((u) => u.includes(`/roi/${name}.`));
          if (!url) throw new Error(`module ${name} not found on the page`);
          return import(url);
        };
        const explorer = await load("explorer");
        // 100k claims, scores with 4 decimals (many ties), abuse more likely at high scores; a seeded LCG.
        let seed = 12345;
        const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
        const score = new Float64Array(claims);
        const abuse = new Float64Array(claims);
        const saving = new Float64Array(claims);
        const arms = ["rule", "model", "random"];
        const arm: string[] = [];
        for (let i = 0; i < claims; i++) {
          score[i] = Math.round(random() * 10_000) / 10_000;
          abuse[i] = random() < 0.02 + 0.2 * score[i] * score[i] ? 1 : 0;
          saving[i] = abuse[i] ? 2000 + random() * 12_000 : 0;
          arm.push(arms[Math.floor(random() * 3)]);
        }
        const columns = {
          model_version: new Array(claims).fill("bench"),
          rank: Float64Array.from({length: claims}, (_, i) => i + 1),
          score,
          year: new Float64Array(claims).fill(2023),
          abuse,
          saving_eur: saving,
          arm
        };
        const context = {
          models: [{model_version: "bench"}],
          default_model: "bench",
          years: [2021, 2025],
          defaults: {cost_per_expertise: 300, saving_per_abuse: null},
          coverage: []
        };
        let t = performance.now();
        const element = explorer.roiExplorer({claims: columns, context}, {search: "", width: 640});
        document.body.append(element);
        document.body.getBoundingClientRect();
        const mount = performance.now() - t;
        const range = element.querySelector('input[name="k"]') as HTMLInputElement;
        const times: number[] = [];
        for (let i = 0; i < moves; i++) {
          const k = Math.floor(random() * claims);
          t = performance.now();
          range.value = String(k);
          range.dispatchEvent(new Event("input"));
          element.querySelector(".roi-kpi .big")!.getBoundingClientRect(); // force style and layout
          times.push(performance.now() - t);
          if (element.querySelector('[data-kpi="expertises"] .big')!.textContent !== k.toLocaleString("en-US"))
            throw new Error("slider did not update the cards");
        }
        // One move timed to the next frame: handler, style, layout and paint together.
        const frame = await new Promise<number>((done) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            range.value = String(Math.floor(claims / 3));
            range.dispatchEvent(new Event("input"));
            requestAnimationFrame(() => done(performance.now() - start));
          })
        );
        times.sort((a, b) => a - b);
        const round = (v: number) => Math.round(v * 1000) / 1000;
        return {
          roi_browser_claims: claims,
          roi_browser_mount_ms: round(mount),
          roi_browser_slider_median_ms: round(times[Math.floor(moves / 2)]),
          roi_browser_slider_p95_ms: round(times[Math.floor(moves * 0.95)]),
          roi_browser_slider_max_ms: round(times[moves - 1]),
          roi_browser_move_to_next_frame_ms: round(frame)
        };
      },
      {claims: CLAIMS, moves: MOVES}
    );
  } finally {
    await browser.close();
    await site.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchRoiBrowser().then((result) => console.log(JSON.stringify(result, null, 2)));
}
