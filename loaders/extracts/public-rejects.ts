/**
 * Rejects as they may be published on a page: a reason can quote a raw value, and a raw value can be an
 * individual's id (insured_id, claim_id) or, in a malformed file, a NIR, an e-mail, a phone number or an IBAN.
 * Those values are masked; other quoted values (e.g. `got "flu"`) stay, since they tell what to fix.
 */
import {contract} from "./contract.ts";
import type {Reject} from "./stage.ts";

const personal = new Set(
  contract.flatMap((f) => f.columns.filter((c) => c.pseudonymised || c.identifier).map((c) => c.name))
);

const patterns = [
  /\b[12]\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{3}\s?\d{3}(\s?\d{2})?\b/g, // NIR
  /[\w.+-]+@[\w-]+\.[\w.]+/g, // e-mail
  /\bFR\d{2}(\s?[\dA-Z]{4}){5}\s?[\dA-Z]{3}\b/gi, // IBAN
  /(\+33\s?|\b0)[1-9](\s?[.-]?\d{2}){4}\b/g // French phone number
];

export function publicReason(reject: Pick<Reject, "column" | "reason">): string {
  let reason = reject.reason;
  // Duplicate keys and broken references name the key column's value: mask it when it identifies a person.
  reason = reason.replace(/(\w+) "([^"]*)"/g, (match, column: string) =>
    personal.has(column) ? `${column} "[masked]"` : match
  );
  if (reject.column && personal.has(reject.column)) reason = reason.replace(/got "[^"]*"/g, 'got "[masked]"');
  for (const pattern of patterns) reason = reason.replace(pattern, "[masked]");
  return reason;
}

export function publicRejects(rejects: readonly Reject[]): Reject[] {
  return rejects.map((r) => ({...r, reason: publicReason(r)}));
}
