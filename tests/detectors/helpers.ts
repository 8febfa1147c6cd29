import {type DuckDbEngine} from "../../loaders/engine/duckdb.ts";

export type Prediction = [label: 0 | 1, score: number, decision?: 0 | 1 | null];

/** A staged predictions table built by hand, as the metrics read it. */
export async function predictionsTable(
  engine: DuckDbEngine,
  table: string,
  rows: readonly Prediction[]
): Promise<void> {
  await engine.run(
    `CREATE OR REPLACE TABLE ${table} (document_id VARCHAR, label INTEGER, score DOUBLE, decision INTEGER)`
  );
  if (!rows.length) return;
  const values = rows
    .map(([label, score, decision], i) => `('doc${i + 1}', ${label}, ${score}, ${decision ?? "NULL"})`)
    .join(", ");
  await engine.run(`INSERT INTO ${table} VALUES ${values}`);
}
