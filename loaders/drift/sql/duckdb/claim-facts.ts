/**
 * One row per claim with an event in the window, carrying the attributes of every segment dimension and the
 * claim's month, quarter and year with the insured's age band on the first day of each (DuckDB dialect).
 * Cost is paid + reserve as of the snapshot.
 */
import {literal} from "../../../engine/sql.ts";
import {periodColumnsSql, type DateWindow} from "./exposure.ts";

export function createClaimFactsSql(table: string, window: DateWindow): string {
  return `CREATE OR REPLACE TABLE ${table} AS
SELECT ${periodColumnsSql("CAST(date_trunc('month', cl.event_date) AS DATE)", "i.birth_date")},
       cl.claim_id, cl.insured_id, cl.contract_id, c.sector_naf, c.region, i.sex, i.job_category,
       cl.guarantee, cl.event_date, cl.days_paid, cl.status,
       coalesce(cl.paid_eur, 0) + coalesce(cl.reserve_eur, 0) AS cost_eur
FROM claims cl
JOIN insured i ON i.insured_id = cl.insured_id
JOIN contracts c ON c.contract_id = cl.contract_id
WHERE cl.event_date BETWEEN DATE ${literal(window.from)} AND DATE ${literal(window.to)}`;
}

/**
 * The claims' first month and the end of their last month ("YYYY-MM-DD", null without claims): claims stop at
 * the extract's period end, which can precede the snapshot, so trailing months without data do not count.
 */
export function windowBoundsSql(): string {
  return `SELECT strftime(min(event_date), '%Y-%m-01') AS first,
            strftime(last_day(max(event_date)), '%Y-%m-%d') AS last FROM claims`;
}
