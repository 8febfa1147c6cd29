import {describe, expect, it} from "vitest";
import {
  formatCount,
  formatEur,
  formatEurCompact,
  formatNumber,
  formatPercent,
  formatRatio,
  formatSignedEurCompact
} from "../../src/lib/format.ts";

describe("formatNumber", () => {
  it("groups thousands with commas and rounds half away from zero on the shown digit", () => {
    expect(formatNumber(1234567.5)).toBe("1,234,568");
    expect(formatNumber(2.675, 2)).toBe("2.68");
    expect(formatNumber(-2.5)).toBe("\u22123");
  });

  it("writes a figure that does not exist as a dash, never NaN or 0", () => {
    for (const value of [null, undefined, NaN, Infinity]) expect(formatNumber(value)).toBe("–");
  });

  it("never writes a negative zero", () => {
    expect(formatNumber(-0.2)).toBe("0");
  });
});

describe("euros", () => {
  it("writes full euros for tables and text", () => {
    expect(formatEur(1234567.4)).toBe("1,234,567 €");
    expect(formatEur(null)).toBe("–");
  });

  it("writes compact euros for charts and cards, one decimal between 1 and 10 million", () => {
    expect(formatEurCompact(4050000)).toBe("4.1 M€");
    expect(formatEurCompact(12_400_000)).toBe("12 M€");
    expect(formatEurCompact(412_000)).toBe("412 k€");
    expect(formatEurCompact(950)).toBe("950 €");
    expect(formatEurCompact(-1_250_000)).toBe("\u22121.3 M€");
  });

  it("signs a change", () => {
    expect(formatSignedEurCompact(1_200_000)).toBe("+1.2 M€");
    expect(formatSignedEurCompact(-412_000)).toBe("\u2212412 k€");
    expect(formatSignedEurCompact(0)).toBe("0 €");
  });
});

describe("counts, ratios and percentages", () => {
  it("write counts whole, ratios with two decimals and shares as percentages", () => {
    expect(formatCount(12345.4)).toBe("12,345");
    expect(formatRatio(1.2749)).toBe("1.27");
    expect(formatPercent(0.1234)).toBe("12%");
    expect(formatPercent(0.1234, 1)).toBe("12.3%");
    expect(formatPercent(null)).toBe("–");
  });
});
