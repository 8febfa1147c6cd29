import {describe, expect, test} from "vitest";
import {carryPeriod, quarterOf} from "../../../src/lib/monitoring/period.ts";

const months = ["2024-09", "2024-10", "2024-11", "2025-01"];
const quarters = ["2024-Q3", "2024-Q4", "2025-Q1"];

describe("quarterOf", () => {
  test("puts January to March in Q1 and October to December in Q4", () => {
    expect(["2024-01", "2024-03", "2024-04", "2024-10", "2024-12"].map(quarterOf)).toEqual([
      "2024-Q1",
      "2024-Q1",
      "2024-Q2",
      "2024-Q4",
      "2024-Q4"
    ]);
  });

  test("is null for a quarter or anything that is not a month", () => {
    expect(quarterOf("2024-Q4")).toBeNull();
    expect(quarterOf("all periods")).toBeNull();
  });
});

describe("carryPeriod", () => {
  test("keeps a period the new list also has", () => {
    expect(carryPeriod("2024-10", months)).toBe("2024-10");
  });

  test("turns a month into the quarter that holds it", () => {
    expect(carryPeriod("2024-11", quarters)).toBe("2024-Q4");
  });

  test("turns a quarter into its latest month in the list, even when the list lacks the quarter's last month", () => {
    expect(carryPeriod("2024-Q4", months)).toBe("2024-11");
    expect(carryPeriod("2025-Q1", months)).toBe("2025-01");
  });

  test("falls back to every period together when nothing in the new list matches", () => {
    expect(carryPeriod("2023-05", quarters)).toBeNull();
    expect(carryPeriod("2023-Q2", months)).toBeNull();
    expect(carryPeriod(null, months)).toBeNull();
  });
});
