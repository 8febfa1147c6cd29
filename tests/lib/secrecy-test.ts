import {describe, expect, it} from "vitest";
import {MASK, maskReason, MIN_INSURED, publishable} from "../../src/lib/secrecy.ts";

describe("statistical secrecy", () => {
  it("publishes figures over 11 people or more, and masks those over 10 or fewer", () => {
    expect(MIN_INSURED).toBe(11);
    expect(publishable(11)).toBe(true);
    expect(publishable(10)).toBe(false);
    expect(publishable(0)).toBe(false);
  });

  it("treats an unknown count as not publishable", () => {
    expect(publishable(null)).toBe(false);
    expect(publishable(undefined)).toBe(false);
  });

  it("writes a masked figure and its reason one way", () => {
    expect(MASK).toBe("< 11");
    expect(maskReason("claims")).toBe("fewer than 11 claims");
  });
});
