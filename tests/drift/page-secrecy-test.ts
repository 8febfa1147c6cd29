import {describe, expect, it} from "vitest";
import {withoutSmallSegments} from "../../loaders/drift/page-data.ts";

describe("withoutSmallSegments(rows, group)", () => {
  const cell = (dimension: string, segment: string, insured: number) => ({dimension, segment, insured});

  it("drops every cell of a segment whose largest cell describes fewer than 11 insured", () => {
    const rows = [
      cell("contract", "C1", 10),
      cell("contract", "C1", 4),
      cell("contract", "C2", 11),
      cell("contract", "C2", 3)
    ];
    expect(withoutSmallSegments(rows, (r) => r.dimension)).toEqual([
      cell("contract", "C2", 11),
      cell("contract", "C2", 3)
    ]);
  });

  it("judges a segment within its own group, so a value shared by two dimensions is not confused", () => {
    const rows = [cell("region", "11", 50), cell("sector", "11", 2)];
    expect(withoutSmallSegments(rows, (r) => r.dimension)).toEqual([cell("region", "11", 50)]);
  });
});
