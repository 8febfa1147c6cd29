/**
 * The run phase's pages in Chromium, on the site `npm test` builds by hand (no refresh): the home page says there is
 * no previous delivery, /runs says no run built this site, /api lists every API file and the fields of the one
 * chosen. tests/run/refresh-test.ts opens the same pages on sites a refresh built, with a history.
 */
import {describe, expect, test} from "vitest";
import {datasets} from "../../loaders/api/datasets.ts";
import {useBuiltPage} from "./built-page.ts";

describe("the home page of a site built by hand", () => {
  const opened = useBuiltPage("/");
  test("opens with 'since the previous delivery', saying there is none and counting this delivery's alerts as new", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    const text = await opened.visit.page.locator(".carnet-since-previous").innerText();
    expect(text).toMatch(
      /This is the first delivery: there is no previous one to compare with\. Its \d+ drift alert\(s\) are all new\./
    );
    expect(text).toContain("New alerts");
    expect(text).toContain("CT000003");
  });
});

describe("the /runs page of a site built by hand", () => {
  const opened = useBuiltPage("/runs");
  test("says no refresh run built it and that there is no history", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    expect(await opened.visit.page.locator(".carnet-no-runs").innerText()).toContain("not by a refresh run");
    expect(await opened.visit.page.locator("main").innerText()).toContain("No run yet.");
  });
});

describe("the /api page", () => {
  const opened = useBuiltPage("/api");
  test("lists every file of the API with its schema version", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    const table = await opened.visit.page.locator(".carnet-api-table").innerText();
    for (const spec of datasets)
      for (const format of spec.formats) expect(table).toContain(`/api/v1/${spec.name}.${format}`);
    expect(table).toContain("1.0.0");
  });

  test("shows the fields of the dataset the reader picks", async () => {
    await opened.visit.page.getByRole("combobox", {name: "Dataset"}).selectOption("roi-summary");
    await opened.visit.page.getByText("optimum_net_eur", {exact: true}).waitFor({timeout: 10_000});
    const main = await opened.visit.page.locator("main").innerText();
    expect(main).toContain("optimum_net_eur");
    expect(main).toContain("Net savings at the optimum, euros");
  });
});
