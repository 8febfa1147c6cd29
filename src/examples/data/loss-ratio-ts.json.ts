// Loss ratio by year and guarantee, in TypeScript (src/examples/typescript-loader.md); the same figures as the SQL,
// Python and R examples (tests/catalog/loss-ratio-parity-test.ts checks they agree). Framework runs it with tsx.
// The governed tables come from openStagedExtracts() (validated, pseudonymised; never the raw extract files); the join
// and the ratio are arquero verbs over the two aggregates DuckDB returns. Premiums are earned per contract and
// year, not per guarantee: a guarantee's loss ratio is its claims cost over the year's earned premium. A cell whose
// claims concern fewer than 11 insured loses its figures (the team's rule, src/lib/secrecy.ts).
import * as aq from "arquero";
import {openStagedExtracts} from "../../../loaders/extracts/open.ts";
import {writeStdout} from "../../../loaders/output/arrow.ts";
import {MIN_INSURED} from "../../lib/secrecy.ts";

interface Cell {
  year: number;
  guarantee: string;
  earned_premium_eur: number;
  claims: number | null;
  claims_cost_eur: number | null;
  loss_ratio: number | null;
  insured: number | null;
  masked: boolean;
}

// The governed tables as staged here, whatever CARNET_ENGINE says (the SQL below is DuckDB's), as Python and R read them.
const extracts = await openStagedExtracts();
try {
  const cost = aq.from(
    await extracts.engine.all(`
      SELECT year(event_date)::INTEGER AS year, guarantee, count(*)::INTEGER AS claims,
             count(DISTINCT insured_id)::INTEGER AS insured,
             sum(coalesce(paid_eur, 0) + coalesce(reserve_eur, 0))::DOUBLE AS claims_cost_eur
      FROM claims GROUP BY ALL`)
  );
  const premium = aq
    .from(
      await extracts.engine.all(
        `SELECT year::INTEGER AS year, earned_premium_eur::DOUBLE AS earned_premium_eur FROM premiums`
      )
    )
    .groupby("year")
    .rollup({earned_premium_eur: aq.op.sum("earned_premium_eur")});
  const rows = cost
    .join_left(premium, "year")
    .derive({earned_premium_eur: (d) => d.earned_premium_eur ?? 0})
    .derive({loss_ratio: (d) => (d.earned_premium_eur > 0 ? d.claims_cost_eur / d.earned_premium_eur : null)})
    .derive({masked: aq.escape((d: {insured: number}) => d.insured < MIN_INSURED)})
    .orderby("year", "guarantee")
    .select("year", "guarantee", "earned_premium_eur", "claims", "claims_cost_eur", "loss_ratio", "insured", "masked")
    .objects() as Cell[];
  const published = rows.map((row) =>
    row.masked ? {...row, claims: null, claims_cost_eur: null, loss_ratio: null, insured: null} : row
  );
  await writeStdout(JSON.stringify(published));
} finally {
  await extracts.engine.close();
}
