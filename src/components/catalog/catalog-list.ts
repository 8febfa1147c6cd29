/**
 * The list of analyses on /analyses: one entry per page with its title (a link), summary, status, use case,
 * authors, updated date and tags. Drafts and pages in review carry a visible status badge.
 */
import type {CatalogItem} from "./catalog-filter.js";
import {el} from "./dom.js";

export interface CatalogListOptions {
  /** Prefix of the links, relative to the page showing the list (default "./"). */
  base?: string;
  /** Total before filtering, for the "N of M" line. */
  total?: number;
}

export const statusLabels: Record<string, string> = {
  draft: "Draft",
  "in review": "In review",
  published: "Published",
  retired: "Retired"
};

export function statusBadge(status: string): HTMLElement {
  return el(
    "span",
    {class: `carnet-status carnet-status--${status.replace(/\s+/g, "-")}`},
    statusLabels[status] ?? status
  );
}

export function catalogList(items: readonly CatalogItem[], options: CatalogListOptions = {}): HTMLElement {
  const base = options.base ?? "./";
  const root = el("div", {class: "carnet-catalog"});
  root.append(el("style", {}, STYLE));
  const total = options.total ?? items.length;
  root.append(el("p", {class: "carnet-catalog-count", "aria-live": "polite"}, `${items.length} of ${total} analyses`));
  if (!items.length) {
    root.append(el("p", {class: "carnet-catalog-empty"}, "No analysis matches these filters."));
    return root;
  }
  const list = el("ol", {class: "carnet-catalog-list"});
  for (const item of items) {
    const li = el("li", {class: "carnet-catalog-entry", "data-href": item.href, "data-status": item.status});
    const heading = el("h3", {}, el("a", {href: `${base}${item.href}`}, item.title), " ", statusBadge(item.status));
    li.append(heading, el("p", {class: "carnet-catalog-summary"}, item.summary));
    const meta = el("p", {class: "carnet-catalog-meta"});
    meta.append(
      el("span", {class: "carnet-catalog-usecase"}, item.use_case_name),
      ` · by ${item.authors.join(", ")}`,
      item.reviewers.length ? ` · reviewed by ${item.reviewers.join(", ")}` : "",
      ` · updated ${item.updated}`,
      ` · data: ${item.data.join(", ")}`
    );
    li.append(meta);
    if (item.tags.length)
      li.append(
        el("p", {class: "carnet-catalog-tags"}, ...item.tags.map((tag) => el("span", {class: "carnet-tag"}, tag)))
      );
    list.append(li);
  }
  root.append(list);
  return root;
}

const STYLE = `
.carnet-catalog-list { list-style: none; padding: 0; margin: 0; }
.carnet-catalog-entry { padding: 0.75rem 0; border-bottom: solid 1px var(--theme-foreground-faintest, #eee); }
.carnet-catalog-entry h3 { margin: 0 0 0.25rem; }
.carnet-catalog-entry p { margin: 0.15rem 0; max-width: none; }
.carnet-catalog-meta { font-size: 0.85rem; color: var(--theme-foreground-muted, #666); }
.carnet-catalog-usecase { font-weight: 600; }
.carnet-tag { display: inline-block; margin: 0 0.3rem 0.2rem 0; padding: 0 0.4rem; border-radius: 3px; background: var(--theme-background-alt, #f3f3f3); font-size: 0.8rem; }
.carnet-status { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-size: 0.75rem; font-weight: 600; vertical-align: middle; }
.carnet-status--published { background: #dcfce7; color: #166534; }
.carnet-status--draft { background: #fef3c7; color: #92400e; }
.carnet-status--in-review { background: #dbeafe; color: #1e40af; }
.carnet-status--retired { background: #e5e7eb; color: #374151; }
`;
