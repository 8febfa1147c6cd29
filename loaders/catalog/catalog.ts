/**
 * The catalog of analyses behind /analyses: one entry per analysis page with a valid front matter, joined to
 * its use case's name. Pages with broken front matter are left out of the catalog and reported (the
 * front-matter test fails on them).
 */
import {join} from "node:path";
import type {AnalysisMeta} from "./front-matter.ts";
import {inspectAnalysisPages, type InspectedPage} from "./pages.ts";
import {projectRoot} from "./root.ts";
import {defaultUseCasesDir, inspectUseCases} from "./use-cases.ts";

export interface CatalogEntry extends AnalysisMeta {
  /** Link to the page, relative to the site root without the leading "/": "claims-drift", "examples/sql". */
  href: string;
  /** Source file relative to the project root. */
  file: string;
  use_case_name: string;
  /** Prose of the page, for the full-text filter. */
  text: string;
}

export interface Catalog {
  entries: CatalogEntry[];
  /** Pages left out because their front matter is wrong: "src/x.md: field: message". */
  invalid: string[];
}

export interface CatalogOptions {
  srcDir?: string;
  useCasesDir?: string;
}

export function readCatalog(options: CatalogOptions = {}): Catalog {
  const srcDir = options.srcDir ?? join(projectRoot(), "src");
  const {cards} = inspectUseCases(options.useCasesDir ?? defaultUseCasesDir());
  const names = new Map(cards.map((card) => [card.id, card.name]));
  const pages = inspectAnalysisPages(srcDir, [...names.keys()]);
  const entries: CatalogEntry[] = [];
  const invalid: string[] = [];
  for (const page of pages) {
    if (page.meta) entries.push(entry(page, page.meta, names.get(page.meta.use_case) ?? page.meta.use_case));
    else invalid.push(...page.problems.map((p) => `src/${page.relative}: ${p.field}: ${p.message}`));
  }
  // Most recently updated first; ties by title so the order is stable.
  entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title));
  return {entries, invalid};
}

function entry(page: InspectedPage, meta: AnalysisMeta, useCaseName: string): CatalogEntry {
  return {...meta, href: page.href.slice(1), file: `src/${page.relative}`, use_case_name: useCaseName, text: page.text};
}
