/**
 * The value report's table: one row per use case, estimated and realised value per year, and the figure Carnet
 * measures for it. Realised figures taken from a loader are marked, sample figures are footnoted.
 */
import {el} from "./dom.js";
import {formatEur} from "./format.js";

export interface ValueTableInput {
  rows: readonly {use_case: string; year: number; estimated_eur: number | null; realised_eur: number | null; realised_source: string | null}[];
  use_cases: readonly {id: string; name: string; stage: string; measured: {label: string; value_eur: number | null} | null}[];
  totals_by_year: readonly {year: number; estimated_eur: number; realised_eur: number}[];
}

export function valueTable(report: ValueTableInput, options: {years?: readonly number[]} = {}): HTMLElement {
  const years = options.years ?? report.totals_by_year.map((t) => t.year);
  const table = el("table", {class: "carnet-value-table"});
  const head = el("tr", {}, el("th", {}, "Use case"), el("th", {}, "Stage"));
  for (const year of years) head.append(el("th", {class: "num"}, `${year} est.`), el("th", {class: "num"}, `${year} real.`));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const uc of report.use_cases) {
    const own = report.rows.filter((r) => r.use_case === uc.id);
    if (!own.length) continue;
    const tr = el("tr", {"data-use-case": uc.id}, el("td", {}, uc.name), el("td", {}, uc.stage));
    for (const year of years) {
      const row = own.find((r) => r.year === year);
      tr.append(el("td", {class: "num"}, row?.estimated_eur == null ? "" : formatEur(row.estimated_eur)));
      const realised = el("td", {class: "num"}, row?.realised_eur == null ? "" : formatEur(row.realised_eur));
      if (row?.realised_source === "loader") {
        realised.classList.add("from-loader");
        realised.title = "Measured by Carnet's loaders on the extract";
        realised.append(el("sup", {}, "†"));
      }
      tr.append(realised);
    }
    body.append(tr);
  }
  table.append(body);
  const total = el("tr", {class: "total"}, el("th", {}, "Total"), el("th", {}, ""));
  for (const year of years) {
    const t = report.totals_by_year.find((x) => x.year === year);
    total.append(el("th", {class: "num"}, formatEur(t?.estimated_eur ?? 0)), el("th", {class: "num"}, t?.realised_eur ? formatEur(t.realised_eur) : ""));
  }
  table.append(el("tfoot", {}, total));
  return el("div", {class: "carnet-value-table-wrap"}, el("style", {}, STYLE), table);
}

const STYLE = `
.carnet-value-table { border-collapse: collapse; font-size: 0.8rem; width: 100%; max-width: none; }
.carnet-value-table th, .carnet-value-table td { padding: 0.2rem 0.35rem; border-bottom: solid 1px var(--theme-foreground-faintest, #e5e5e5); vertical-align: top; }
.carnet-value-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.carnet-value-table .from-loader { font-weight: 700; }
.carnet-value-table tfoot th { border-top: solid 2px currentColor; }
`;
