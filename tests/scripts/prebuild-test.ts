/** The prebuild takes from the prepared delivery the outputs of the loaders that only publish a prepared file. */
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {publishedPreparedFile} from "../../scripts/prebuild.ts";

const root = resolve(import.meta.dirname, "../..");

describe("the prebuild's prepared outputs", () => {
  test("recognise a loader that only publishes a prepared file, comments aside", () => {
    expect(publishedPreparedFile(readFileSync(join(root, "src/data/drift-cells.arrow.ts"), "utf8"))).toBe(
      "drift-cells.arrow"
    );
  });

  test("leave alone a loader that does anything more, or something else", () => {
    const more = `import {publishPrepared} from "../../loaders/prepare/publish.ts";\nconsole.error("hi");\nawait publishPrepared("drift-cells.arrow");\n`;
    expect(publishedPreparedFile(more)).toBeUndefined();
    expect(publishedPreparedFile(readFileSync(join(root, "src/data/value-report.json.ts"), "utf8"))).toBeUndefined();
  });
});
