/**
 * The catalog of analyses in Chromium: filtering by text and by facet changes the list a reader sees.
 * Runs on the built site (npm test builds dist/ first).
 */
import {describe, expect, test} from "vitest";
import {useBuiltPage} from "./built-page.ts";

const opened = useBuiltPage("/analyses");

const entries = () =>
  opened.visit.page.$$eval(".carnet-catalog-entry", (nodes) => nodes.map((n) => n.getAttribute("data-href")));
const count = () => opened.visit.page.textContent(".carnet-catalog-count");

describe("the catalog page", () => {
  test("opens without errors and lists the analyses, newest first", async () => {
    expect(await opened.visit.problems()).toEqual([]);
    const all = await entries();
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all).toEqual(expect.arrayContaining(["examples/python-loader", "examples/sql-loader"]));
    expect(await count()).toBe(`${all.length} of ${all.length} analyses`);
  });

  test("narrows the list as the reader types in the search box, and restores it when cleared", async () => {
    const all = await entries();
    const search = opened.visit.page.getByRole("textbox", {name: "Search"});
    await search.fill("pandas");
    await search.dispatchEvent("input");
    await opened.visit.page.waitForFunction(
      (n) => document.querySelectorAll(".carnet-catalog-entry").length < n,
      all.length
    );
    expect(await entries()).toContain("examples/python-loader");
    expect(await entries()).not.toContain("examples/sql-loader");
    await search.fill("no analysis has this zzqx word");
    await search.dispatchEvent("input");
    await opened.visit.page.waitForSelector(".carnet-catalog-empty");
    expect(await count()).toBe(`0 of ${all.length} analyses`);
    await search.fill("");
    await search.dispatchEvent("input");
    await opened.visit.page.waitForFunction(
      (n) => document.querySelectorAll(".carnet-catalog-entry").length === n,
      all.length
    );
  });

  test("filters by use case with the facet's own count", async () => {
    const select = opened.visit.page.getByRole("listbox", {name: "Use case"});
    const first = select.locator("option").first();
    const label = (await first.textContent()) ?? "";
    const expected = Number(/\((\d+)\)$/.exec(label)?.[1]);
    await select.selectOption({index: 0});
    await opened.visit.page.waitForFunction(
      (n) => document.querySelectorAll(".carnet-catalog-entry").length === n,
      expected
    );
    expect((await entries()).length).toBe(expected);
    expect(await opened.visit.problems()).toEqual([]);
  });
});
