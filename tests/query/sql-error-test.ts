import {describe, expect, it} from "vitest";
import {oneLineSqlError} from "../../loaders/query/sql-error.ts";

describe("a DuckDB error on one line", () => {
  it("keeps the message and says the line and column the caret points at", () => {
    const message =
      'Parser Error: syntax error at or near "range"\n\nLINE 1: SELECT * FORM range(3)\n                      ^';
    expect(oneLineSqlError(message)).toBe('Parser Error: syntax error at or near "range" (line 1, column 15)');
  });

  it("counts lines and columns of a statement written over several lines", () => {
    const message =
      'Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "range"\n\nLINE 2:   nope FROM range(3)\n          ^';
    expect(oneLineSqlError(message)).toBe(
      'Binder Error: Referenced column "nope" not found in FROM clause! (line 2, column 3)'
    );
  });

  it("gives the line alone when DuckDB shows a long line cut", () => {
    const message =
      'Parser Error: syntax error at or near ")"\n\nLINE 1: ... AS (year(at) - year(b\n                   ^';
    expect(oneLineSqlError(message)).toBe('Parser Error: syntax error at or near ")" (line 1)');
  });

  it("leaves a message without a position as its first line", () => {
    expect(oneLineSqlError("Catalog Error: Table with name x does not exist!\nDid you mean y?")).toBe(
      "Catalog Error: Table with name x does not exist!"
    );
  });
});
