/**
 * What no published table may hold, whatever the analysis (the health-data rules of DEVELOPERS.md):
 *  - a column of pseudonyms or of identifiers of people or claims (they link rows back to a person);
 *  - a column of birth dates (ISO dates spread over more than 30 years: analysis periods never are);
 *  - one row per person or per claim: a table carrying two or more quasi-identifiers (sex, age band, job category,
 *    contract, birth date), one of them fine-grained (the contract, the birth date), without any count saying how
 *    many people a row stands for (a table of rates by sex, job category and age band is an aggregate, not people);
 *  - an aggregate row describing fewer than 11 insured whose figures are not masked (nulled) before publication
 *    (the count of people says how many a row describes; a table counting only claims is judged on its claims).
 * The ROI backtest is the one per-claim table by design (the capacity slider is exact): score, year, outcome, saving,
 * arm and rank, and nothing else; it is checked against that list instead.
 */
import {MIN_INSURED} from "../../src/lib/secrecy.ts";
import type {PublishedTable, Value} from "./published-tables.ts";

/** Columns naming people or claims, a local numbering of people ("person") included: it links a person's rows. */
const IDENTIFIER_COLUMN = /^(insured_id|claim_id|person|person_id|nir|employer_name|birth_date|date_of_birth|dob)$/i;
const PSEUDONYM = /^[0-9a-f]{16}$|^[0-9a-f]{32,64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUASI_IDENTIFIERS = new Set(["sex", "age_band", "job_category", "contract_id", "birth_date", "birth_year"]);
/** Columns saying how many people an aggregate row describes. */
const PEOPLE_COUNT = /^(insured|claimants|people|persons|n_insured|insured_count|claimant_count)$/;
/** Columns saying how many claims a row describes (a row of fewer than 11 claims needs masking too). */
const CLAIM_COUNT = /^(claims|n_claims|claim_count)$/;

/** The one per-claim table, and the columns it may hold. */
export const BACKTEST = {
  file: /^_file\/data\/roi-claims\.[0-9a-f]+\.arrow$/,
  columns: ["model_version", "rank", "score", "year", "abuse", "saving_eur", "arm"]
};

const strings = (rows: Record<string, Value>[], column: string): string[] =>
  rows.map((r) => r[column]).filter((v): v is string => typeof v === "string");

function pseudonymColumns(table: PublishedTable): string[] {
  return table.columns.filter((c) => {
    const values = strings(table.rows, c);
    return values.length >= 10 && values.filter((v) => PSEUDONYM.test(v)).length >= 0.9 * values.length;
  });
}

function birthDateColumns(table: PublishedTable): string[] {
  return table.columns.filter((c) => {
    const dates = strings(table.rows, c)
      .filter((v) => ISO_DATE.test(v))
      .sort();
    if (dates.length < 10 || dates.length < 0.9 * table.rows.length) return false;
    return Number(dates.at(-1)!.slice(0, 4)) - Number(dates[0].slice(0, 4)) > 30;
  });
}

/** Rows with a count of people (or claims) between 1 and 10 that still carry figures. */
function unmaskedSmallRows(table: PublishedTable): string[] {
  const people = table.columns.filter((c) => PEOPLE_COUNT.test(c));
  const counts = people.length ? people : table.columns.filter((c) => CLAIM_COUNT.test(c));
  if (!counts.length) return [];
  const figures = table.columns.filter(
    (c) =>
      !counts.includes(c) && table.rows.some((r) => typeof r[c] === "number") && !/year|month|period|rank|^k$/.test(c)
  );
  const problems: string[] = [];
  table.rows.forEach((row, i) => {
    const small = counts.find(
      (c) => typeof row[c] === "number" && (row[c] as number) > 0 && (row[c] as number) < MIN_INSURED
    );
    if (!small || row.masked === true) return;
    const shown = figures.filter((c) => row[c] !== null && row[c] !== 0);
    if (shown.length) problems.push(`row ${i}: ${small} = ${row[small]} with ${shown.join(", ")} shown`);
  });
  return problems;
}

/** Everything wrong with one published table, one line each (empty when it may be published). */
export function privacyProblems(table: PublishedTable): string[] {
  const where = table.name;
  if (BACKTEST.file.test(table.name)) {
    const extra = table.columns.filter((c) => !BACKTEST.columns.includes(c));
    return extra.length ? [`${where}: the ROI backtest holds columns beyond its list: ${extra.join(", ")}`] : [];
  }
  const problems: string[] = [];
  for (const c of table.columns.filter((c) => IDENTIFIER_COLUMN.test(c)))
    problems.push(`${where}: column ${c} identifies people`);
  for (const c of pseudonymColumns(table)) problems.push(`${where}: column ${c} holds pseudonyms`);
  for (const c of birthDateColumns(table)) problems.push(`${where}: column ${c} holds birth dates`);
  const quasi = table.columns.filter((c) => QUASI_IDENTIFIERS.has(c));
  const counted = table.columns.some((c) => PEOPLE_COUNT.test(c) || CLAIM_COUNT.test(c));
  const fine = quasi.includes("contract_id") || quasi.includes("birth_date");
  if (quasi.length >= 2 && fine && !counted && table.rows.length >= MIN_INSURED)
    problems.push(`${where}: one row per person or claim (${quasi.join(", ")} without a count of people)`);
  for (const line of unmaskedSmallRows(table).slice(0, 3))
    problems.push(`${where}: an aggregate of fewer than ${MIN_INSURED} is not masked (${line})`);
  return problems;
}
