/** A run's manifest as a two-column table: what was run, on what, from which code, when. */
import type {RunSummary} from "../../lib/detectors/metrics.js";
import {formatCount} from "../../lib/format.js";

export function manifestTable(run: RunSummary, history: readonly RunSummary[] = []): HTMLElement {
  const root = document.createElement("div");
  root.className = "run-manifest";
  const table = document.createElement("table");
  const rows: [string, string][] = [
    ["Run", run.run_id],
    ["Detector", `${run.detector} ${run.detector_version}`],
    ["Dataset", `${run.dataset}${run.dataset_version ? ` (${run.dataset_version})` : ""}`],
    [
      "Parameters",
      Object.keys(run.params).length
        ? Object.entries(run.params)
            .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
            .join(", ")
        : "none"
    ],
    ["Threshold", run.threshold === null ? "none (decisions given)" : String(run.threshold)],
    ["Code commit", run.code_commit ?? "not recorded"],
    ["Started", run.started_at],
    ["Documents", `${formatCount(run.n)} scored, ${formatCount(run.positives)} forged`],
    [
      "Prediction rows",
      `${formatCount(run.rows_read)} read, ${formatCount(run.rows_accepted)} accepted, ${formatCount(run.rows_rejected)} rejected`
    ]
  ];
  for (const [name, value] of rows) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = name;
    th.style.cssText = "text-align:left;padding-right:1em;white-space:nowrap";
    const td = document.createElement("td");
    td.textContent = value;
    if (name === "Code commit") td.style.fontFamily = "var(--monospace, monospace)";
    tr.append(th, td);
    table.append(tr);
  }
  root.append(table);
  const older = history.filter((h) => h.id !== run.id);
  if (older.length) {
    const p = document.createElement("p");
    p.textContent = `Earlier runs of this detector version on this dataset (history, not shown in the matrix):`;
    const list = document.createElement("ul");
    for (const h of older) {
      const li = document.createElement("li");
      li.textContent = `${h.run_id}, started ${h.started_at}, commit ${h.code_commit ?? "?"}: AUC ${h.auc === null ? "undefined" : h.auc.toFixed(3)}, AP ${h.average_precision === null ? "undefined" : h.average_precision.toFixed(3)}`;
      list.append(li);
    }
    root.append(p, list);
  }
  return root;
}
