import {rmSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {readRejects, stageExtracts} from "../../loaders/extracts/stage.ts";
import {writeExtracts} from "./fixture.ts";

describe("Parquet deliveries", () => {
  it("reads claims.parquet with proper types in place of claims.csv and validates it the same way", async () => {
    const dir = writeExtracts();
    const engine = await DuckDbEngine.open();
    // A typed Parquet file, as IT would deliver it, with one negative amount to reject.
    await engine.run(`COPY (SELECT claim_id, insured_id, contract_id, guarantee, CAST(event_date AS TIMESTAMP) AS event_date, declared_date, end_date,
        days_paid, CASE WHEN claim_id = 'K3' THEN -1 ELSE paid_eur END AS paid_eur, reserve_eur, status
      FROM read_csv('${join(dir, "claims.csv")}', types = {'declared_date': 'DATE', 'end_date': 'DATE', 'event_date': 'DATE'})) TO '${join(dir, "claims.parquet")}' (FORMAT parquet)`);
    await engine.close();
    rmSync(join(dir, "claims.csv"));
    const staged = await stageExtracts(dir, "k");
    expect(staged.files.find((f) => f.file === "claims.parquet")).toEqual({
      file: "claims.parquet",
      rows_read: 4,
      rows_accepted: 3,
      rows_rejected: 1
    });
    expect(await readRejects(staged.engine)).toEqual([
      {file: "claims.parquet", line: 3, column: "paid_eur", reason: 'expected a non-negative amount, got "-1.0"'}
    ]);
    const [{event}] = await staged.engine.all<{event: string}>("SELECT min(event_date) AS event FROM claims");
    expect(event).toBe("2021-02-01");
    await staged.engine.close();
  });
});
