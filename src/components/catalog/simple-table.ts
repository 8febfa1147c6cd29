/**
 * A plain HTML table of formatted rows: unlike Inputs.table it never scrolls, so it prints whole on paper.
 */
import {el} from "./dom.js";

export function simpleTable(
  rows: readonly Record<string, string | number>[],
  header: Record<string, string>,
  options: {numeric?: readonly string[]; className?: string} = {}
): HTMLTableElement {
  const columns = Object.keys(header);
  const numeric = new Set(options.numeric ?? []);
  const table = el("table", {class: `carnet-simple-table ${options.className ?? ""}`.trim()});
  table.append(
    el(
      "thead",
      {},
      el("tr", {}, ...columns.map((c) => el("th", {class: numeric.has(c) ? "num" : undefined}, header[c])))
    )
  );
  table.append(
    el(
      "tbody",
      {},
      ...rows.map((row) =>
        el("tr", {}, ...columns.map((c) => el("td", {class: numeric.has(c) ? "num" : undefined}, String(row[c] ?? ""))))
      )
    )
  );
  return table;
}
