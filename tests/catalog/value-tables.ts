/** Hand-made staged `expertises` and `scores` tables (the shape openExtracts gives) for the value-report tests. */
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {literal} from "../../loaders/engine/sql.ts";

/** [claim id, year ordered, outcome, saving, score] — one expertise per claim, cost 300. */
export type Expertised = [claim: string, year: number, outcome: string, saving: number, score: number];

export async function expertiseTables(rows: Expertised[]): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open();
  await engine.run(`CREATE TABLE expertises (expertise_id VARCHAR, claim_id VARCHAR, ordered_date DATE, selection VARCHAR,
    score DOUBLE, outcome VARCHAR, cost_eur DOUBLE, saving_eur DOUBLE)`);
  await engine.run(`CREATE TABLE scores (claim_id VARCHAR, scored_date DATE, model_version VARCHAR, score DOUBLE)`);
  const e = rows.map(
    ([claim, year, outcome, saving, score], i) =>
      `(${literal(`E${i}`)}, ${literal(claim)}, DATE ${literal(`${year}-03-01`)}, 'rule', ${score}, ${literal(outcome)}, 300, ${saving})`
  );
  const s = rows.map(
    ([claim, year, , , score]) => `(${literal(claim)}, DATE ${literal(`${year}-02-01`)}, 'v1', ${score})`
  );
  await engine.run(`INSERT INTO expertises VALUES ${e.join(", ")}`);
  await engine.run(`INSERT INTO scores VALUES ${s.join(", ")}`);
  return engine;
}
