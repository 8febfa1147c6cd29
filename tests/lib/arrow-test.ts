import {tableFromArrays, tableToIPC} from "apache-arrow";
import {fromArrow} from "arquero";
import {describe, expect, it} from "vitest";
import {readArrowTable} from "../../src/lib/arrow.ts";

describe("readArrowTable(file)", () => {
  const bytes = (format: "stream" | "file") =>
    new Uint8Array(tableToIPC(tableFromArrays({segment: ["A", "B", "A"], actual: Float64Array.of(1, 2, 3)}), format));

  it("reads a whole Arrow IPC stream into an arquero table over its columns", async () => {
    const table = await readArrowTable(new Blob([bytes("stream")]), fromArrow);
    expect(table.numRows()).toBe(3);
    expect(table.array("segment")).toEqual(["A", "B", "A"]);
    expect([...table.array("actual")]).toEqual([1, 2, 3]);
  });

  it("reads the Arrow file format too", async () => {
    const table = await readArrowTable(new Blob([bytes("file")]), fromArrow);
    expect(table.columnNames()).toEqual(["segment", "actual"]);
  });
});
