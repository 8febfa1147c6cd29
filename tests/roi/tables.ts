/**
 * Hand-made staged tables (the shape `openExtracts` gives) for the SQL tests.
 */
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {literal} from "../../loaders/engine/sql.ts";

export type Expertise = [
  expertise_id: string,
  claim_id: string,
  ordered_date: string,
  selection: string,
  outcome: string,
  saving_eur: number | null
];
export type Score = [claim_id: string, scored_date: string, model_version: string, score: number];

export async function stagedTables(expertises: Expertise[], scores: Score[]): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open();
  await engine.run(`CREATE TABLE expertises (expertise_id VARCHAR, claim_id VARCHAR, ordered_date DATE, selection VARCHAR,
    score DOUBLE, outcome VARCHAR, cost_eur DOUBLE, saving_eur DOUBLE)`);
  await engine.run(`CREATE TABLE scores (claim_id VARCHAR, scored_date DATE, model_version VARCHAR, score DOUBLE)`);
  if (expertises.length) {
    const values = expertises.map(
      ([id, claim, date, selection, outcome, saving]) =>
        `(${literal(id)}, ${literal(claim)}, DATE ${literal(date)}, ${literal(selection)}, NULL, ${literal(outcome)}, 300, ${literal(saving)})`
    );
    await engine.run(`INSERT INTO expertises VALUES ${values.join(", ")}`);
  }
  if (scores.length) {
    const values = scores.map(
      ([claim, date, version, score]) =>
        `(${literal(claim)}, DATE ${literal(date)}, ${literal(version)}, ${literal(score)})`
    );
    await engine.run(`INSERT INTO scores VALUES ${values.join(", ")}`);
  }
  return engine;
}

/**
 * The hand-worked backtest of fixtures.ts as staged tables, scored by model "v2" (the latest), plus:
 * G, pending (left out); X, decided but scored only by "v1" (left out of v2). A-C ordered in 2021, D-F in 2022.
 */
export function handWorkedTables(): Promise<DuckDbEngine> {
  return stagedTables(
    [
      ["e1", "A", "2021-03-01", "model", "abuse", 8000],
      ["e2", "B", "2021-04-01", "rule", "justified", null],
      ["e3", "C", "2021-05-01", "rule", "abuse", 5000],
      ["e4", "D", "2022-01-10", "random", "no_show", 0],
      ["e5", "E", "2022-02-10", "random", "abuse", 7000],
      ["e6", "F", "2022-03-10", "rule", "justified", 0],
      ["e7", "G", "2022-04-10", "model", "pending", null],
      ["e8", "X", "2021-06-01", "rule", "abuse", 9000]
    ],
    [
      ["A", "2022-06-30", "v2", 0.9],
      ["B", "2022-06-30", "v2", 0.8],
      ["C", "2022-06-30", "v2", 0.8],
      ["D", "2022-06-30", "v2", 0.5],
      ["E", "2022-06-30", "v2", 0.3],
      ["F", "2022-06-30", "v2", 0.1],
      ["G", "2022-06-30", "v2", 0.95],
      ["A", "2021-01-31", "v1", 0.1],
      ["X", "2021-01-31", "v1", 0.7]
    ]
  );
}
