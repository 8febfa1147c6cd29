/**
 * A small table for drill-down results: given columns, rows and the column counting people, rows describing too
 * few people to publish (../../lib/secrecy.ts) show the mask instead of their figures.
 */
import {formatEur, formatNumber} from "../../lib/format.js";
import {MASK, publishable} from "../../lib/secrecy.js";

export interface DrillColumn {
  key: string;
  label: string;
  title?: string;
  format?: "int" | "eur" | "decimal" | "text";
}

export function drillTable(
  rows: Iterable<Record<string, unknown>>,
  columns: readonly DrillColumn[],
  peopleKey: string,
  keep: readonly string[]
): HTMLElement {
  const table = document.createElement("table");
  table.className = "drift-drill";
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.textContent = c.label;
    if (c.title) th.title = c.title;
    head.append(th);
  }
  const body = table.createTBody();
  // DuckDB answers with an Arrow table, which has no `length`: count the rows as they are written.
  let count = 0;
  for (const r of rows) {
    count++;
    const masked = !publishable(Number(r[peopleKey] ?? 0));
    const row = body.insertRow();
    for (const c of columns) {
      const cell = row.insertCell();
      const value = r[c.key] as number | string | null;
      if (masked && !keep.includes(c.key)) cell.textContent = MASK;
      else if (c.format === "eur") cell.textContent = formatEur(value as number);
      else if (c.format === "int") cell.textContent = formatNumber(Number(value));
      else if (c.format === "decimal") cell.textContent = formatNumber(Number(value), 1);
      else cell.textContent = String(value ?? "");
      if (c.format && c.format !== "text") cell.style.textAlign = "right";
    }
  }
  if (!count) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = columns.length;
    cell.textContent = "No claim in this window.";
  }
  return table;
}
