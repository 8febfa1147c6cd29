/**
 * Which contracts the page publishes one by one. A real portfolio has tens of thousands of contracts: every
 * contract x period x guarantee would make the page's first view hundreds of megabytes. Up to SHOWN_CONTRACTS
 * contracts are all shown; above that, the page gets the BY_EXCESS with the highest excess-claims z-score
 * (A - E) / sqrt(E) over the window, all guarantees together, then the largest by insured-years up to
 * SHOWN_CONTRACTS, so the likeliest drifts and the largest books stay visible; every other contract is summed into one segment, OTHER_CONTRACTS,
 * whose figures are exact sums (an insured belongs to one contract, so distinct insured add up). `carnet drift`
 * still reports every contract. The choice is made once per workspace, in SQL, into the `drift_shown` table.
 */
import {literal} from "../engine/sql.ts";
import {aeTable} from "./ae-tables.ts";
import type {Dimension} from "./dimensions.ts";
import {tables} from "./window.ts";
import type {DriftWorkspace} from "./workspace.ts";

export const SHOWN_CONTRACTS = 200;
const BY_EXCESS = 50;
export const OTHER_CONTRACTS = "Other contracts";
const SHOWN = tables.shown;

export interface ShownContracts {
  total: number;
  shown: number;
  /** How the shown contracts were chosen, in a sentence the page prints. */
  rule: string;
}

/** Creates the `drift_shown` table (contract ids) in the workspace and says how many of how many it holds. */
export async function chooseShownContracts(drift: DriftWorkspace): Promise<ShownContracts> {
  const cells = await aeTable(drift, "contract", "year", "segment");
  await drift.local.run(`CREATE OR REPLACE TABLE ${SHOWN} AS
WITH totals AS (
  SELECT segment, sum(exposure_years) AS years, sum(actual) AS actual, sum(expected) AS expected
  FROM ${cells} GROUP BY segment
),
-- The likeliest drifts first, then the largest books until SHOWN_CONTRACTS.
excess AS (
  SELECT segment FROM totals WHERE expected > 0
  ORDER BY (actual - expected) / sqrt(expected) DESC, segment LIMIT ${BY_EXCESS}
),
largest AS (
  SELECT segment, row_number() OVER (ORDER BY years DESC, segment) AS rank
  FROM totals WHERE segment NOT IN (SELECT segment FROM excess)
),
small AS (SELECT count(*) <= ${SHOWN_CONTRACTS} AS yes FROM totals)
SELECT segment AS contract_id FROM totals WHERE (SELECT yes FROM small)
UNION ALL SELECT segment FROM excess WHERE NOT (SELECT yes FROM small)
UNION ALL SELECT segment FROM largest
WHERE NOT (SELECT yes FROM small) AND rank <= ${SHOWN_CONTRACTS} - (SELECT count(*) FROM excess)`);
  const [counts] = await drift.local.all<{total: number; shown: number}>(
    `SELECT (SELECT count(*) FROM contracts) AS total, (SELECT count(*) FROM ${SHOWN}) AS shown`
  );
  const total = Number(counts?.total ?? 0);
  const shown = Number(counts?.shown ?? 0);
  return {
    total,
    shown,
    rule:
      shown >= total
        ? `Every contract is shown (${total.toLocaleString("en-US")}).`
        : `${shown.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} contracts are shown: the ${BY_EXCESS} with the highest excess-claims z-score over the window, (A − E) / √E, then the largest by insured-years; the other ${(total - shown).toLocaleString("en-US")} are summed as "${OTHER_CONTRACTS}".`
  };
}

/** A contract id, or OTHER_CONTRACTS when it is not among the shown ones (after chooseShownContracts). */
export function shownContractSql(column: string): string {
  return `CASE WHEN ${column} IN (SELECT contract_id FROM ${SHOWN}) THEN ${column} ELSE ${literal(OTHER_CONTRACTS)} END`;
}

/**
 * `sql`'s rows with contracts outside the shown ones summed into OTHER_CONTRACTS (contract dimension only):
 * `keys` are kept, `sums` added up, `order` orders the result.
 */
export function foldContractsSql(
  sql: string,
  dimension: Dimension,
  keys: readonly string[],
  sums: readonly string[],
  order: string
): string {
  if (dimension !== "contract") return sql;
  return `SELECT ${keys.join(", ")}, ${shownContractSql("segment")} AS segment, ${sums.map((c) => `sum(${c}) AS ${c}`).join(", ")}
FROM (${sql}) GROUP BY ALL ORDER BY ${order}`;
}
