/**
 * One row per claim with an event in the window, carrying the attributes of every segment dimension
 * (DuckDB dialect). The age band is the insured's on the first day of the claim's period, as for exposure.
 * Cost is paid + reserve as of the snapshot.
 */
import {literal} from "../../../engine/sql.ts";
import type {Grain} from "../../../shared/periods.ts";
import {ageBandSql, ageSql, type DateWindow} from "./exposure.ts";

export function createClaimFactsSql(table: string, grain: Grain, window: DateWindow): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT CAST(date_trunc('${grain}', cl.event_date) AS DATE) AS period_start, cl.claim_id, cl.insured_id,
       cl.contract_id, c.sector_naf, c.region, i.sex, i.job_category,
       ${ageBandSql(ageSql("i.birth_date", "CAST(date_trunc('" + grain + "', cl.event_date) AS DATE)"))} AS age_band,
       cl.guarantee, cl.event_date, cl.days_paid, cl.status,
       coalesce(cl.paid_eur, 0) + coalesce(cl.reserve_eur, 0) AS cost_eur
FROM claims cl
JOIN insured i ON i.insured_id = cl.insured_id
JOIN contracts c ON c.contract_id = cl.contract_id
WHERE cl.event_date BETWEEN DATE ${literal(window.from)} AND DATE ${literal(window.to)}`;
}
