/**
 * The provenance footer of an analysis page: who wrote it and its status, the data it read (extract snapshot
 * and row counts), the code version and the build date. Drafts and pages in review get a visible banner and a
 * corner badge, so a reader never mistakes them for published work.
 *
 * Usage in a page (two cells):
 *   import {provenanceFooter} from "./components/catalog/provenance.js";
 *   const provenance = FileAttachment("data/provenance.json").json();
 *   provenanceFooter(provenance, {page: "claims-drift"})
 */
import type {Provenance} from "../../lib/catalog/provenance.js";
import {formatCount, MISSING} from "../../lib/format.js";
import {el} from "./dom.js";

/** What src/data/provenance.json holds (types only: erased at build, nothing Node-side ships). */
export type ProvenanceData = Provenance;

export interface ProvenanceOptions {
  /** The page's address without the leading "/" (e.g. "claims-drift"); default from the browser's location. */
  page?: string;
}

const statusLabels: Record<string, string> = {
  draft: "Draft",
  "in review": "In review",
  published: "Published",
  retired: "Retired"
};

/** "claims.csv" and "claims" both name the extract file `claims`. */
const tableOf = (file: string) => file.replace(/\.(csv|parquet)$/i, "");

export function pageFromLocation(pathname: string): string {
  return decodeURI(pathname)
    .replace(/^\/+/, "")
    .replace(/\.html$/, "")
    .replace(/(^|\/)index$/, "$1")
    .replace(/\/$/, "");
}

export function provenanceFooter(provenance: ProvenanceData, options: ProvenanceOptions = {}): HTMLElement {
  const page = options.page ?? (typeof location !== "undefined" ? pageFromLocation(location.pathname) : "");
  const meta = provenance.pages[page];
  const footer = el("footer", {class: "carnet-provenance", "aria-label": "Provenance"});
  footer.append(el("style", {}, STYLE));
  if (meta && (meta.status === "draft" || meta.status === "in review" || meta.status === "retired")) {
    const label =
      meta.status === "retired"
        ? "Retired: kept for the record, no longer maintained"
        : `${statusLabels[meta.status]}: not yet reviewed for publication`;
    footer.append(
      el("div", {class: `carnet-status-banner carnet-status-${meta.status.replace(" ", "-")}`, role: "note"}, label)
    );
    footer.append(el("div", {class: "carnet-status-badge", "aria-hidden": "true"}, statusLabels[meta.status]));
  }
  if (meta) {
    const parts = [`By ${meta.authors.join(", ")}`, `status: ${statusLabels[meta.status] ?? meta.status}`];
    if (meta.reviewers.length) parts.push(`reviewed by ${meta.reviewers.join(", ")}`);
    parts.push(`updated ${meta.updated}`);
    footer.append(el("p", {class: "carnet-provenance-authors"}, parts.join(" · ")));
  }
  const read = new Set((meta?.data ?? []).map(tableOf));
  const files = meta ? provenance.files.filter((f) => read.has(tableOf(f.file))) : provenance.files;
  const counts = files.map(
    (f) =>
      `${tableOf(f.file)} ${formatCount(f.rows_accepted)} rows${f.rows_rejected ? ` (${formatCount(f.rows_rejected)} rejected)` : ""}`
  );
  const data = el("p", {class: "carnet-provenance-data"});
  data.append(
    `Data: extract folder ${provenance.extract_folder || MISSING}, snapshot ${provenance.snapshot_date || "unknown"}`
  );
  if (counts.length) data.append(` · ${counts.join(" · ")}`);
  footer.append(data);
  const code = provenance.commit
    ? `commit ${provenance.commit}${provenance.dirty ? " (with uncommitted changes)" : ""}`
    : "commit unknown (not built from a git checkout)";
  footer.append(el("p", {class: "carnet-provenance-code"}, `Code: ${code} · built ${provenance.build_date}`));
  return footer;
}

const STYLE = `
.carnet-provenance { margin-top: 3rem; padding-top: 0.75rem; border-top: solid 1px var(--theme-foreground-faintest, #ddd); font-size: 0.85rem; color: var(--theme-foreground-muted, #555); }
.carnet-provenance p { margin: 0.2rem 0; max-width: none; }
.carnet-status-banner { margin: 0 0 0.5rem; padding: 0.4rem 0.75rem; border-left: solid 4px #d97706; background: #fef3c7; color: #78350f; font-weight: 600; }
.carnet-status-retired { border-left-color: #6b7280; background: #f3f4f6; color: #374151; }
.carnet-status-badge { position: fixed; top: 0.75rem; right: 0.75rem; z-index: 10; padding: 0.2rem 0.6rem; border-radius: 4px; background: #d97706; color: white; font-weight: 700; font-size: 0.8rem; letter-spacing: 0.05em; text-transform: uppercase; }
@media print { .carnet-status-badge { position: static; display: inline-block; } }
`;
