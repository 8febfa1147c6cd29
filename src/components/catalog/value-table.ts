/**
 * The value report's table: one row per use case and, for each year, "realised / estimated" in thousands of
 * euros (one column per year keeps it within an A4 page). Realised figures taken from a loader are marked (†).
 */
import {formatNumber, MISSING} from "../../lib/format.js";
import {el} from "./dom.js";

export interface ValueTableInput {
  rows: readonly {
    use_case: string;
    year: number;
    estimated_eur: number | null;
    realised_eur: number | null;
    realised_source: string | null;
  }[];
  use_cases: readonly {id: string; name: string; stage: string}[];
  totals_by_year: readonly {year: number; estimated_eur: number; realised_eur: number}[];
}

/** Thousands of euros, rounded: 124438 -> "124", 1100000 -> "1,100"; null -> MISSING. */
function formatThousands(value: number | null | undefined): string {
  return formatNumber(value === null || value === undefined ? value : value / 1000);
}

export function valueTable(report: ValueTableInput, options: {years?: readonly number[]} = {}): HTMLElement {
  const years = options.years ?? report.totals_by_year.map((t) => t.year);
  const table = el("table", {class: "carnet-value-table"});
  const head = el("tr", {}, el("th", {}, "Use case"), el("th", {}, "Stage"));
  for (const year of years) head.append(el("th", {class: "num"}, String(year)));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const uc of report.use_cases) {
    const own = report.rows.filter((r) => r.use_case === uc.id);
    if (!own.length) continue;
    const tr = el("tr", {"data-use-case": uc.id}, el("td", {}, uc.name), el("td", {}, uc.stage));
    for (const year of years) {
      const row = own.find((r) => r.year === year);
      const cell = el("td", {class: "num"});
      if (row) {
        const realised = el("span", {class: "realised"}, formatThousands(row.realised_eur));
        if (row.realised_source === "loader") {
          realised.classList.add("from-loader");
          realised.title = "Measured by Carnet's loaders on the extract";
          realised.append("†");
        }
        cell.append(
          realised,
          el("span", {class: "sep"}, " / "),
          el("span", {class: "estimated"}, formatThousands(row.estimated_eur))
        );
      }
      tr.append(cell);
    }
    body.append(tr);
  }
  table.append(body);
  const total = el("tr", {class: "total"}, el("th", {}, "Total"), el("th", {}, ""));
  for (const year of years) {
    const t = report.totals_by_year.find((x) => x.year === year);
    total.append(
      el(
        "th",
        {class: "num"},
        `${t?.realised_eur ? formatThousands(t.realised_eur) : MISSING} / ${formatThousands(t?.estimated_eur ?? 0)}`
      )
    );
  }
  table.append(el("tfoot", {}, total));
  const caption = el("caption", {}, "Realised / estimated value, in thousands of euros");
  table.prepend(caption);
  return el("div", {class: "carnet-value-table-wrap"}, el("style", {}, STYLE), table);
}

const STYLE = `
.carnet-value-table { border-collapse: collapse; font-size: 0.8rem; width: 100%; max-width: 100%; }
.carnet-value-table caption { text-align: left; font-size: 0.8rem; color: var(--theme-foreground-muted, #666); padding-bottom: 0.25rem; }
.carnet-value-table th, .carnet-value-table td { padding: 0.2rem 0.35rem; border-bottom: solid 1px var(--theme-foreground-faintest, #e5e5e5); vertical-align: top; }
.carnet-value-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.carnet-value-table .estimated, .carnet-value-table .sep { color: var(--theme-foreground-muted, #666); }
.carnet-value-table .from-loader { font-weight: 700; }
.carnet-value-table tfoot th { border-top: solid 2px currentColor; }
`;
