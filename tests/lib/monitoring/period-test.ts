import {describe, expect, test} from "vitest";
import {carryPeriod, isComplete, periodEnd, quarterOf} from "../../../src/lib/monitoring/period.ts";

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

describe("periodEnd", () => {
  test("is the last day of a month, leap February included", () => {
    expect(periodEnd("2024-02")).toBe("2024-02-29");
    expect(periodEnd("2025-02")).toBe("2025-02-28");
    expect(periodEnd("2024-12")).toBe("2024-12-31");
  });

  test("is the last day of a quarter's third month", () => {
    expect(periodEnd("2024-Q1")).toBe("2024-03-31");
    expect(periodEnd("2024-Q4")).toBe("2024-12-31");
  });

  test("is null for anything else", () => {
    expect(periodEnd("2024")).toBeNull();
  });
});

describe("isComplete", () => {
  test("says a month cut mid-way by the delivery is partial, and the month before complete", () => {
    expect(isComplete("2026-01", "2026-01-15")).toBe(false);
    expect(isComplete("2025-12", "2026-01-15")).toBe(true);
    expect(isComplete("2026-Q1", "2026-01-15")).toBe(false);
  });

  test("counts a period whose last day the data reaches as complete", () => {
    expect(isComplete("2026-01", "2026-01-31")).toBe(true);
  });
});
