/** Hand-made staged tables for drift tests, in an in-memory DuckDB, typed as openExtracts() stages them. */
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {literal} from "../../loaders/engine/sql.ts";

type Value = string | number | null;

const schemas: Record<string, string> = {
  contracts: "contract_id VARCHAR, sector_naf VARCHAR, region VARCHAR, start_date DATE, end_date DATE",
  insured:
    "insured_id VARCHAR, contract_id VARCHAR, birth_date DATE, sex VARCHAR, job_category VARCHAR, coverage_start DATE, coverage_end DATE",
  premiums: "contract_id VARCHAR, year INTEGER, earned_premium_eur DOUBLE",
  claims:
    "claim_id VARCHAR, insured_id VARCHAR, contract_id VARCHAR, guarantee VARCHAR, event_date DATE, declared_date DATE, end_date DATE, days_paid INTEGER, paid_eur DOUBLE, reserve_eur DOUBLE, status VARCHAR"
};

export interface Tables {
  contracts: Value[][];
  insured: Value[][];
  premiums?: Value[][];
  claims: Value[][];
}

export async function engineWith(tables: Tables): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open();
  for (const [name, schema] of Object.entries(schemas)) {
    await engine.run(`CREATE TABLE ${name} (${schema})`);
    const rows = (tables as unknown as Record<string, Value[][] | undefined>)[name] ?? [];
    if (rows.length)
      await engine.run(`INSERT INTO ${name} VALUES ${rows.map((r) => `(${r.map(literal).join(", ")})`).join(", ")}`);
  }
  return engine;
}

/** A folder holding only reference_rates.csv with the given lines. */
export function ratesFolder(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "carnet-drift-rates-"));
  writeFileSync(
    join(dir, "reference_rates.csv"),
    ["guarantee,sex,job_category,age_band,annual_rate", ...lines].join("\n") + "\n"
  );
  return dir;
}

/** A claim row with the columns drift reads; the rest filled plausibly. */
export function claim(
  id: string,
  insured: string,
  contract: string,
  guarantee: string,
  event: string,
  paid = 0,
  reserve = 0
): Value[] {
  return [id, insured, contract, guarantee, event, event, null, 0, paid, reserve, "open"];
}
