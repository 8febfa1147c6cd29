import {describe, expect, it} from "vitest";
import {startingCapacity} from "../../../src/lib/roi/capacity.ts";

describe("startingCapacity(requested, n, optimum)", () => {
  it("opens at the optimum when the link gives no capacity", () => {
    expect(startingCapacity(null, 1090, 318)).toEqual({k: 318, notice: null});
  });

  it("keeps a capacity within the backtest", () => {
    expect(startingCapacity(40, 1090, 318)).toEqual({k: 40, notice: null});
  });

  it("caps a capacity above the backtest at its claims, with a notice", () => {
    expect(startingCapacity(5000, 1090, 318)).toEqual({
      k: 1090,
      notice: "capacity k=5000 is more than the 1,090 claims of this backtest; using 1,090."
    });
  });
});
