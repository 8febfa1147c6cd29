/**
 * Filtering and faceting the catalog of analyses (pure: no DOM), shared by the page and its tests.
 */
export interface CatalogItem {
  href: string;
  title: string;
  summary: string;
  authors: string[];
  use_case: string;
  use_case_name: string;
  status: string;
  reviewers: string[];
  created: string;
  updated: string;
  data: string[];
  tags: string[];
  text: string;
}

export interface CatalogFilter {
  /** Words that must all appear (any case, accents ignored) in the title, summary, tags, authors or text. */
  query?: string;
  /** Empty or missing = no restriction. */
  useCases?: readonly string[];
  statuses?: readonly string[];
  authors?: readonly string[];
  tags?: readonly string[];
  /** Updated date order; default newest first. */
  order?: "newest" | "oldest";
}

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function haystack(item: CatalogItem): string {
  return fold(
    [
      item.title,
      item.summary,
      item.use_case_name,
      item.use_case,
      item.authors.join(" "),
      item.tags.join(" "),
      item.data.join(" "),
      item.text
    ].join(" ")
  );
}

const within = (selected: readonly string[] | undefined, values: readonly string[]) =>
  !selected?.length || values.some((v) => selected.includes(v));

export function filterCatalog<T extends CatalogItem>(items: readonly T[], filter: CatalogFilter = {}): T[] {
  const words = fold(filter.query ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const kept = items.filter((item) => {
    if (!within(filter.useCases, [item.use_case])) return false;
    if (!within(filter.statuses, [item.status])) return false;
    if (!within(filter.authors, item.authors)) return false;
    if (!within(filter.tags, item.tags)) return false;
    if (!words.length) return true;
    const text = haystack(item);
    return words.every((word) => text.includes(word));
  });
  const sign = filter.order === "oldest" ? 1 : -1;
  return kept.sort((a, b) => sign * a.updated.localeCompare(b.updated) || a.title.localeCompare(b.title));
}

/** The values of a facet with their counts, most frequent first, then alphabetically. */
export function facet(
  items: readonly CatalogItem[],
  key: "use_case" | "status" | "authors" | "tags"
): {value: string; count: number}[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const values = key === "authors" || key === "tags" ? item[key] : [item[key]];
    for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({value, count}))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
