import {describe, expect, it} from "vitest";
import {formatExpected, formatScore} from "../../../src/lib/roi/format.ts";

describe("ROI formats", () => {
  it("formatExpected(value) writes an expected count with one decimal", () => {
    expect(formatExpected(12.44)).toBe("12.4");
    expect(formatExpected(1234.56)).toBe("1,234.6");
  });

  it("formatScore(value) writes a score with four decimals, and a dash when there is none", () => {
    expect(formatScore(0.81234)).toBe("0.8123");
    expect(formatScore(null)).toBe("–");
  });
});
