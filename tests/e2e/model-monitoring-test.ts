/**
 * The model-monitoring page in Chromium: it opens cleanly on the default delivery (whose v2 drifts from the month
 * truth.json says), shows v2's open alerts, and its inputs redraw every chart: the model version, the period picked
 * (the charts drawn per period mark it, the reliability diagram, importance and contribution profile are computed on
 * it) and the grain (a picked month becomes its quarter).
 */
import {describe, expect, test} from "vitest";
import {useBuiltPage} from "./built-page.ts";

const opened = useBuiltPage("/model-monitoring");

/** Each chart's SVG markup, in page order (legends' colour ramps aside). */
const CHARTS = "main svg[class^='plot']:not([class$='-ramp'])";
const charts = () => opened.visit.page.$$eval(CHARTS, (nodes) => nodes.map((n) => n.outerHTML));

async function changeAndWait(action: () => Promise<unknown>, before: string[]): Promise<string[]> {
  await action();
  await opened.visit.page.waitForFunction(
    ([selector, old]) => {
      const now = [...document.querySelectorAll(selector)].map((n) => n.outerHTML);
      return now.length === old.length && now.join() !== old.join();
    },
    [CHARTS, before] as const,
    {timeout: 20_000}
  );
  await opened.visit.settle();
  return charts();
}

describe("the model-monitoring page", () => {
  test("opens without errors on v2, the latest version, with its drift alerts", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    const alerts = await opened.visit.page.locator(".carnet-model-alert-table").innerText();
    expect(alerts).toContain("dsn_absence_days_12m");
    expect(alerts).toContain("2024-10");
    const ranking = await opened.visit.page.locator(".carnet-feature-ranking tbody tr").first().innerText();
    expect(ranking).toContain("dsn_absence_days_12m");
    expect((await charts()).length).toBeGreaterThanOrEqual(7);
  });

  test("redraws every chart for another model version", async () => {
    const before = await charts();
    const after = await changeAndWait(
      () => opened.visit.page.getByRole("combobox", {name: "Model version"}).selectOption("v1"),
      before
    );
    expect(after.length).toBe(before.length);
    after.forEach((svg, i) => expect(svg, `chart ${i}`).not.toBe(before[i]));
    expect(await opened.visit.page.locator(".carnet-model-alert-table").count()).toBe(0);
    expect(await opened.visit.problems()).toEqual([]);
  });

  test("redraws every chart for one month picked, then for its quarter", async () => {
    const period = opened.visit.page.getByRole("combobox", {name: "Period", exact: true});
    // Inputs.select's option values are indices: read the label shown.
    const shown = () => period.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
    expect(await shown()).toBe("every period together");
    const everyPeriod = await charts();
    const month = await changeAndWait(() => period.selectOption("2024-11"), everyPeriod);
    month.forEach((svg, i) => expect(svg, `chart ${i}, 2024-11`).not.toBe(everyPeriod[i]));
    expect(await opened.visit.page.locator(".carnet-drivers-table").innerText()).toContain("2024-11");

    const quarter = await changeAndWait(() => opened.visit.page.getByLabel("quarter").check(), month);
    quarter.forEach((svg, i) => expect(svg, `chart ${i}, 2024-Q4`).not.toBe(month[i]));
    expect(await shown()).toBe("2024-Q4");
    expect(quarter[0]).toContain("Q");
    const table = await opened.visit.page.locator(".carnet-calibration-table").innerText();
    expect(table).toMatch(/\d{4}-Q[1-4]/);
    expect(await opened.visit.problems()).toEqual([]);
  });

  test("lists the typical drivers of the score band the reader picks", async () => {
    const top = await opened.visit.page.locator(".carnet-drivers-table").innerText();
    const slider = opened.visit.page.getByRole("spinbutton", {name: "Score band (reference decile)"});
    await slider.fill("1");
    await slider.dispatchEvent("input");
    await opened.visit.page.waitForFunction(
      (old) => document.querySelector(".carnet-drivers-table")?.textContent !== old,
      top
    );
    expect(await opened.visit.page.locator(".carnet-drivers-table").innerText()).toContain("Typical drivers of band 1");
  });
});

describe("the ROI page", () => {
  const roi = useBuiltPage("/expertise-roi");
  test("warns that the model it uses has open alerts and links to its monitoring", async () => {
    expect(await roi.visit.problems()).toEqual([]);
    const warning = roi.visit.page.locator(".carnet-model-warning");
    expect(await warning.innerText()).toMatch(/model v2 has \d+ open alert\(s\)/);
    expect(await warning.locator("a").getAttribute("href")).toBe("./model-monitoring?model=v2");
  });

  test("follows the model the reader picks in the explorer: v1 has no open alert", async () => {
    await roi.visit.page.locator('select[name="model"]').selectOption("v1");
    const status = roi.visit.page.locator(".carnet-model-ok");
    await status.waitFor({timeout: 20_000});
    expect(await status.innerText()).toContain("Model v1 has no open monitoring alert");
    expect(await status.locator("a").getAttribute("href")).toBe("./model-monitoring?model=v1");
    expect(await roi.visit.page.locator(".carnet-model-warning").count()).toBe(0);
    expect(await roi.visit.problems()).toEqual([]);
  });
});
