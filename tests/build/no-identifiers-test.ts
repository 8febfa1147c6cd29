/**
 * No direct identifier reaches the built site (identifier-scan.ts): by shape anywhere under dist/, and the extract
 * folder's own employer names and NIRs by value.
 */
import {extname} from "node:path";
import {describe, expect, test} from "vitest";
import {listFiles, requireDist} from "./dist-files.ts";
import {extractIdentifiers, extractsDir, extractValuesIn, identifierShapes, UNSCANNABLE} from "./identifier-scan.ts";

describe("no direct identifier reaches the built site", () => {
  test("no file under dist/ holds a NIR, an IBAN, an e-mail address or a French phone number", () => {
    expect(identifierShapes(requireDist())).toEqual([]);
  });

  test("dist/ ships no data file in a format this check cannot read (Parquet, spreadsheets, archives)", () => {
    const dir = requireDist();
    expect(listFiles(dir).filter((file) => UNSCANNABLE.has(extname(file).toLowerCase()))).toEqual([]);
  });

  test("no employer name or NIR of the extract folder appears anywhere under dist/", () => {
    const dir = requireDist();
    const known = extractIdentifiers();
    expect(
      known.employers.length,
      `${extractsDir}/contracts.csv should list employer names to look for`
    ).toBeGreaterThan(0);
    expect(extractValuesIn(dir, known)).toEqual([]);
  });
});
