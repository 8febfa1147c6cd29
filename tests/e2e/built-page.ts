/**
 * One built page opened in Chromium for a test file: serves dist/ (npm test builds it first), launches the
 * browser and opens the page in beforeAll, and closes all three in afterAll. Interaction tests read `page.visit`.
 */
import {afterAll, beforeAll} from "vitest";
import {serve, type Served} from "../../loaders/site/serve.ts";
import {distDir, requireDist} from "../build/dist-files.ts";
import {launchBrowser, openPage, type CarnetBrowser, type PageVisit} from "./browser.ts";

export interface BuiltPage {
  /** Set once beforeAll has run. */
  readonly visit: PageVisit;
}

export function useBuiltPage(path: string): BuiltPage {
  let browser: CarnetBrowser | undefined;
  let site: Served | undefined;
  let visit: PageVisit | undefined;
  beforeAll(async () => {
    requireDist();
    site = await serve(distDir);
    browser = await launchBrowser();
    visit = await openPage(browser, site.url, path);
  });
  afterAll(async () => {
    await visit?.close();
    await browser?.close();
    await site?.close();
  });
  return {
    get visit() {
      if (!visit) throw new Error(`${path} was not opened (see beforeAll)`);
      return visit;
    }
  };
}
