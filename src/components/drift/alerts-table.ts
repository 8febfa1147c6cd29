/**
 * The alert list as a table, largest excess cost first, with a CSV download. Clicking a row's segment calls
 * `onSelect`. Masked rows (fewer than 11 insured, ../../lib/secrecy.ts) keep the segment and onset but not the
 * figures.
 */
import type {AlertRow} from "../../lib/drift/view.ts";
import {formatEur, formatNumber, formatRatio} from "../../lib/format.js";
import {MASK} from "../../lib/secrecy.js";

export interface AlertsTableOptions {
  csv: string;
  filename?: string;
  segmentLabel?: string;
  onSelect?: (segment: string) => void;
  selected?: string | null;
}

const headers: [string, string][] = [
  ["Segment", "The segment's value (contract id, NAF code, region code, age band, job category or guarantee)."],
  [
    "Onset",
    "Estimated first month of the drift: the maximum-likelihood change point of A/E, no later than the CUSUM signal."
  ],
  ["Signal", "First month the CUSUM passed h; empty when only the funnel flags the segment."],
  ["Why", "cusum: the CUSUM signalled; funnel: A/E over the window above the 99.8% funnel limit."],
  ["Actual", "Claims since the onset."],
  ["Expected", "Claims expected since the onset at the reference rates."],
  ["A/E", "Actual / expected since the onset."],
  ["Excess claims", "Actual − expected since the onset."],
  ["Excess cost", "Excess claims × mean cost (paid + reserve) of the segment's claims since the onset."]
];

export function alertsTable(alerts: readonly AlertRow[], options: AlertsTableOptions): HTMLElement {
  const root = document.createElement("div");
  root.className = "drift-alerts";
  const bar = document.createElement("div");
  const download = document.createElement("a");
  download.textContent = "Download the alerts (CSV)";
  download.setAttribute("download", options.filename ?? "drift-alerts.csv");
  download.setAttribute("href", `data:text/csv;charset=utf-8,${encodeURIComponent(options.csv)}`);
  download.className = "drift-download";
  bar.append(download);
  root.append(bar);
  if (!alerts.length) {
    root.append(Object.assign(document.createElement("p"), {textContent: "No alert with these inputs."}));
    return root;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const [label, tip] of headers) {
    const th = document.createElement("th");
    th.textContent = label;
    th.title = tip;
    head.append(th);
  }
  const body = table.createTBody();
  for (const a of alerts) {
    const row = body.insertRow();
    if (a.segment === options.selected) row.className = "selected";
    const segment = row.insertCell();
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = a.segment;
    button.title = `Drill into ${options.segmentLabel ?? "segment"} ${a.segment}`;
    button.addEventListener("click", () => options.onSelect?.(a.segment));
    segment.append(button);
    const values = a.masked
      ? [a.onset, a.signal ?? "", a.reason, MASK, MASK, MASK, MASK, MASK]
      : [
          a.onset,
          a.signal ?? "",
          a.reason,
          formatNumber(a.actual),
          formatNumber(a.expected, 1),
          formatRatio(a.ae),
          formatNumber(a.excess_claims, 1),
          formatEur(a.excess_cost_eur)
        ];
    values.forEach((v, i) => {
      const cell = row.insertCell();
      cell.textContent = v;
      if (i >= 3) cell.style.textAlign = "right";
    });
  }
  root.append(table);
  return root;
}
