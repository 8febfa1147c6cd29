/**
 * The detector result matrices in Chromium, on the built site's default data: the full matrix (3 detectors x 10
 * datasets, copy-move in two versions), a click on a cell opens its drill-down, a change of metric keeps it open,
 * and the version comparison counts datasets improved and worse. Runs on the built site (npm test builds dist/).
 */
import {describe, expect, test} from "vitest";
import {useBuiltPage} from "./built-page.ts";

const opened = useBuiltPage("/detectors");

const cell = (detector: string, version: string, dataset: string) =>
  opened.visit.page.locator(
    `.detector-matrix g.cell[data-detector="${detector}"][data-version="${version}"][data-dataset="${dataset}"]`
  );

describe("the detectors page", () => {
  test("opens without errors and shows every detector version on all 10 datasets", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    const versions = await opened.visit.page.$$eval(".detector-matrix text.version", (nodes) =>
      nodes.map((n) => n.textContent)
    );
    const detectors = await opened.visit.page.$$eval(".detector-matrix text.detector", (nodes) =>
      nodes.map((n) => n.textContent)
    );
    expect(detectors).toEqual(["copy-move", "image-splicing", "watch-list"]);
    expect(versions.slice(0, 2)).toEqual(["2.0.0", "2.1.0"]);
    expect(await opened.visit.page.locator(".detector-matrix g.columns text").count()).toBe(10);
    expect(await opened.visit.page.locator(".detector-matrix g.cell").count()).toBe(versions.length * 10);
    expect(await opened.visit.page.locator(".detector-matrix g.cell.not-run").count()).toBe(0);
    expect(await opened.visit.page.textContent(".drill-down-empty")).toContain("Click a cell");
  });

  test("shows a cell's confusion matrix, curves and manifest when the cell is clicked", async () => {
    const target = cell("copy-move", "2.1.0", "CASIA");
    const printed = await target.locator("text").textContent();
    await target.click();
    await opened.visit.page.waitForSelector(".drill-down");
    await opened.visit.settle();
    expect(await opened.visit.page.textContent(".drill-down h3")).toBe("copy-move 2.1.0 on CASIA");
    // The value in the cell is the AUC the drill-down states.
    expect(await opened.visit.page.textContent(".drill-down p")).toContain(`ROC AUC ${printed!.replace("*", "")}`);
    expect(await opened.visit.page.locator(".drill-down .confusion-matrix td").count()).toBe(4);
    expect(await opened.visit.page.locator(".drill-down svg").count()).toBeGreaterThanOrEqual(2);
    const manifest = await opened.visit.page.textContent(".drill-down .run-manifest");
    expect(manifest).toContain("Code commit");
    expect(manifest).toContain("copy-move 2.1.0");
    expect(new URL(opened.visit.page.url()).hash).toMatch(/^#run=/);
    expect(await opened.visit.problems()).toEqual([]);
  });

  test("draws the drill-down's ROC and precision-recall curves side by side at their card's width, in 12 px text", async () => {
    const charts = await opened.visit.page.$$eval(".drill-down .card svg[viewBox]", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const card = svg.closest(".card")!.getBoundingClientRect();
        const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize));
        return {top: Math.round(card.top), share: box.width / card.width, smallestText: Math.min(...sizes)};
      })
    );
    expect(charts).toHaveLength(2);
    expect(charts[0].top).toBe(charts[1].top);
    for (const chart of charts) {
      expect(chart.share).toBeGreaterThan(0.8);
      expect(chart.smallestText).toBeGreaterThanOrEqual(12);
    }
  });

  test("keeps the drill-down open and recolours the matrix when the metric changes", async () => {
    const label = "Average precision per detector version and dataset";
    await opened.visit.page.getByRole("combobox", {name: "Metric"}).selectOption({label: "Average precision"});
    // The matrix is redrawn by a cell that runs after the input's event: wait for it rather than read at once
    // (reading right after settle() lost that race once in CI).
    await opened.visit.page.waitForFunction(
      (expected) => document.querySelector(".detector-matrix > svg")?.getAttribute("aria-label") === expected,
      label,
      {timeout: 20_000}
    );
    await opened.visit.settle();
    expect(await opened.visit.page.textContent(".drill-down h3")).toBe("copy-move 2.1.0 on CASIA");
    expect(await opened.visit.page.locator(".detector-matrix > svg").getAttribute("aria-label")).toBe(label);
    expect(await opened.visit.problems()).toEqual([]);
  });

  test("counts the datasets on which copy-move 2.1.0 improved or got worse against 2.0.0", async () => {
    const summary = (await opened.visit.page.textContent(".comparison-summary")) ?? "";
    const improved = Number(/improved on (\d+) dataset/.exec(summary)?.[1]);
    const worse = Number(/worse on (\d+)/.exec(summary)?.[1]);
    const unchanged = Number(/unchanged on (\d+)/.exec(summary)?.[1]);
    expect(summary).toContain("copy-move 2.1.0 against 2.0.0");
    expect(improved + worse + unchanged).toBe(10);
  });
});
