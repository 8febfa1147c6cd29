/**
 * SVG snapshot tests on Plot's model (test/plot-test.ts there): a chart component renders from fixed data, its
 * markup is normalised (numbers rounded, one tag per line, Plot's generated class names made stable) and compared
 * with tests/components/snapshots/<name>.svg (<name>.html when the chart is a figure around its SVG). On a difference the new markup is written beside it as
 * <name>-changed.svg (git-ignored) so a reader can open both; a missing snapshot is written and the test fails,
 * so a new chart is looked at once before its snapshot is committed (CARNET_UPDATE_SNAPSHOTS=1 rewrites them all).
 */
import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";

const folder = join(import.meta.dirname, "snapshots");

/** Stable markup: numbers rounded to three decimals, one tag per line, Plot's generated class name fixed. */
export function normaliseSvg(markup: string): string {
  return markup
    .replace(/plot-[0-9a-f]{6}/g, "plot")
    .replace(/(\d+\.\d{3})\d+/g, "$1")
    .replace(/>\s*</g, ">\n<")
    .trim()
    .concat("\n");
}

/** The element's markup (an SVG, or a figure holding SVGs and their legends) checked against its snapshot. */
export function expectSnapshot(name: string, element: Element): void {
  const actual = normaliseSvg(element.outerHTML);
  const extension = element.tagName.toLowerCase() === "svg" ? "svg" : "html";
  const expectedPath = join(folder, `${name}.${extension}`);
  const changedPath = join(folder, `${name}-changed.${extension}`);
  if (process.env.CARNET_UPDATE_SNAPSHOTS === "1") writeFileSync(expectedPath, actual);
  if (!existsSync(expectedPath)) {
    writeFileSync(expectedPath, actual);
    expect.fail(`${name}.${extension} did not exist: written now, look at it and commit it`);
  }
  const expected = readFileSync(expectedPath, "utf8");
  if (actual === expected) {
    rmSync(changedPath, {force: true});
    return;
  }
  writeFileSync(changedPath, actual);
  expect.fail(`${name}: the chart differs from snapshots/${name}.${extension} (new markup in ${changedPath})`);
}
