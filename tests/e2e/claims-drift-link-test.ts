/**
 * The claims-drift view travels in its address: a link opens that exact view, changing an input rewrites the
 * address, and a link with invalid parameters opens the defaults with a visible notice.
 */
import {describe, expect, test} from "vitest";
import {useBuiltPage} from "./built-page.ts";

const shared = useBuiltPage("/claims-drift?dimension=sector&grain=year&segment=49.41A");
const broken = useBuiltPage("/claims-drift?dimension=planet&minExposure=-3");

const formValue = (visit: typeof shared.visit, label: string) =>
  visit.page.evaluate((text) => {
    for (const form of document.querySelectorAll("form")) {
      const labelNode = [...form.querySelectorAll("label")].find((l) => l.textContent?.trim() === text);
      if (!labelNode) continue;
      // Inputs keeps option indexes as values: read what the reader sees instead.
      const select = form.querySelector("select");
      if (select) return select.selectedOptions[0]?.textContent?.trim() ?? null;
      return (
        (form.querySelector("input:checked") as HTMLInputElement | null)?.closest("label")?.textContent?.trim() ?? null
      );
    }
    return null;
  }, label);

describe("claims-drift links", () => {
  test("a link opens the view it names, with no error", async () => {
    expect(await shared.visit.problems()).toEqual([]);
    expect(await formValue(shared.visit, "Segments")).toMatch(/sector/i);
    expect(await formValue(shared.visit, "Period")).toBe("year");
    expect(await shared.visit.page.locator("h2", {hasText: "49.41A"}).count()).toBeGreaterThan(0);
  });

  test("changing an input rewrites the address", async () => {
    const page = shared.visit.page;
    await page
      .locator("form")
      .filter({has: page.locator("label", {hasText: /^Period$/})})
      .locator("label", {hasText: /^month$/})
      .click();
    await shared.visit.settle();
    // The address is rewritten by a cell that runs once the new view has been computed: wait for it.
    await page
      .waitForFunction(() => new URL(location.href).searchParams.get("grain") === "month", undefined, {timeout: 10_000})
      .catch(() => undefined);
    expect(new URL(page.url()).searchParams.get("grain")).toBe("month");
    expect(new URL(page.url()).searchParams.get("dimension")).toBe("sector");
  });

  test("invalid parameters fall back to the defaults with a visible notice", async () => {
    expect(await broken.visit.problems()).toEqual([]);
    const notice = await broken.visit.page.textContent(".drift-notice");
    expect(notice).toContain("dimension");
    expect(notice).toContain("minExposure");
    expect(await formValue(broken.visit, "Segments")).toMatch(/contract/i);
  });
});
