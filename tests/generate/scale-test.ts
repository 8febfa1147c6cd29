import {describe, expect, test} from "vitest";
import {generated} from "./fixture.ts";

describe("--scale grows the extract linearly", () => {
  const full = generated(5, 1);
  const tenth = generated(5, 0.1);

  test("scale 0.1 has a tenth of the contracts", () => {
    expect(full.rows.contracts).toBe(200);
    expect(tenth.rows.contracts).toBe(20);
  });

  test("scale 1 has about 40,000 insured and scale 0.1 about 4,000", () => {
    expect(full.rows.insured).toBeGreaterThan(36_000);
    expect(full.rows.insured).toBeLessThan(44_000);
    expect(tenth.rows.insured / full.rows.insured).toBeGreaterThan(0.08);
    expect(tenth.rows.insured / full.rows.insured).toBeLessThan(0.12);
  });

  test("claims, scores and expertises shrink roughly tenfold too (random sizes and sectors allowing)", () => {
    for (const file of ["claims", "scores", "expertises"] as const) {
      const ratio = tenth.rows[file] / full.rows[file];
      expect(ratio, file).toBeGreaterThan(0.05);
      expect(ratio, file).toBeLessThan(0.2);
    }
  });

  test("detector runs do not depend on the scale (they describe fixed datasets)", () => {
    expect(tenth.rows.detector_runs).toBe(41);
    expect(full.rows.detector_runs).toBe(41);
  });
});
