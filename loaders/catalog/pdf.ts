/**
 * Prints a built page to an A4 PDF with Debian's Chromium through playwright-core: serves the built site,
 * waits for the page's figures to render, prints with the page's print stylesheet. Page errors fail the print
 * rather than producing a half-drawn report.
 */
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium} from "playwright-core";
import {CHROMIUM, chromiumArgs} from "../browser/chromium.ts";
import {CarnetError} from "../errors.ts";
import {serve} from "../site/serve.ts";

export interface PrintOptions {
  /** The built site (default dist/). */
  distDir: string;
  /** The page's address, e.g. "/value-report". */
  page: string;
  out: string;
  /** A CSS selector that appears once the page has rendered its figures. */
  readySelector?: string;
  timeoutMs?: number;
}

export async function printPageToPdf(options: PrintOptions): Promise<void> {
  const html = join(options.distDir, `${options.page.replace(/^\//, "")}.html`);
  if (!existsSync(html)) throw new CarnetError(`${html}: not found; build the site first (npm run build)`);
  if (!existsSync(CHROMIUM))
    throw new CarnetError(`${CHROMIUM}: Chromium not found (apt-get install chromium, or set CARNET_CHROMIUM)`);
  const server = await serve(options.distDir);
  const profile = mkdtempSync(join(tmpdir(), "carnet-chromium-"));
  // A fresh profile per print (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      // Chromium asks every site for /favicon.ico on its own; its 404 says nothing about the page.
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
    });
    // Only the local server: a request elsewhere would mean the page is not offline-safe.
    await page.route("**/*", (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort()
    );
    await page.goto(`${server.url}${options.page}`, {waitUntil: "networkidle", timeout: options.timeoutMs ?? 60_000});
    if (options.readySelector)
      await page.waitForSelector(options.readySelector, {state: "attached", timeout: options.timeoutMs ?? 60_000});
    if (errors.length)
      throw new CarnetError(`${options.page}: the page reported an error while rendering: ${errors[0]}`);
    await page.emulateMedia({media: "print"});
    await page.pdf({
      path: options.out,
      format: "A4",
      printBackground: true,
      preferCSSPageSize: false,
      margin: {top: "14mm", bottom: "16mm", left: "12mm", right: "12mm"},
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#666">Carnet · value report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(profile, {recursive: true, force: true});
  }
}
