import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {projectRoot} from "../../loaders/catalog/root.ts";
import {readUseCases} from "../../loaders/catalog/use-cases.ts";
import {computeValueReport} from "../../loaders/catalog/value/compute.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {formatEur} from "../../src/lib/format.ts";
import {carnet} from "../cli/run-carnet.ts";
import {readPdf} from "./pdf-text.ts";

const work = mkdtempSync(join(tmpdir(), "carnet-pdf-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** A4 is 210 x 297 mm = 595.3 x 841.9 points; Chromium rounds to whole CSS pixels (595.9 x 842.9). */
function expectA4(pages: [number, number][]): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const [width, height] of pages) {
    expect(Math.abs(width - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(height - 841.9)).toBeLessThan(1.5);
  }
}

describe("carnet report --pdf", () => {
  test("prints a built page to an A4 PDF holding its text", () => {
    const dist = join(work, "dist");
    mkdirSync(dist, {recursive: true});
    writeFileSync(
      join(dist, "value-report.html"),
      `<!doctype html><meta charset="utf-8"><title>Value report</title><h1>Value report</h1><p>Net savings 1,234,567 € · écart</p><div id="value-report-ready"></div>`
    );
    const out = join(work, "fixture.pdf");
    const result = carnet(["report", "--pdf", out, "--dist", dist]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${out}\n`);
    const pdf = readPdf(readFileSync(out));
    expectA4(pdf.pages);
    expect(pdf.text).toContain("Value report");
    expect(pdf.text).toContain("Net savings 1,234,567 € · écart");
  });

  test("refuses to print a site that was not built, in one line", () => {
    const result = carnet(["report", "--pdf", join(work, "x.pdf"), "--dist", join(work, "nowhere")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^carnet: .*value-report\.html: not found; build the site first \(npm run build\)\n$/
    );
  });

  test("wants a .pdf file name", () => {
    expect(carnet(["report", "--pdf", join(work, "x.txt")]).stderr).toContain(
      "--pdf expects a file name ending in .pdf"
    );
  });
});

const dist = join(projectRoot(), "dist");
const built =
  existsSync(join(dist, "value-report.html")) && existsSync(join(projectRoot(), "data", "extracts", "truth.json"));

// Runs after `npm run build` (as `npm test` does): the real page, printed, against the loaders' figures.
describe.skipIf(!built)("the built value report, printed", () => {
  test("is A4 and carries the title, the summary and the loaders' figures", async () => {
    const out = join(work, "value-report.pdf");
    const result = carnet(["report", "--pdf", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const pdf = readPdf(readFileSync(out));
    expectA4(pdf.pages);
    const extracts = await openExtracts();
    try {
      const report = await computeValueReport(extracts, readUseCases());
      const text = pdf.text.replace(/\s+/g, "");
      expect(text).toContain("Valuereport");
      for (const sentence of report.summary) expect(text).toContain(sentence.normalize("NFKC").replace(/\s+/g, ""));
      if (report.expertise)
        expect(text).toContain(formatEur(report.expertise.total.realised_net_eur).replace(/\s+/g, ""));
      const contracts = report.drift?.by.find((d) => d.dimension === "contract");
      if (contracts) expect(text).toContain(formatEur(contracts.excess_cost_eur).replace(/\s+/g, ""));
    } finally {
      await extracts.engine.close();
    }
  });
});
