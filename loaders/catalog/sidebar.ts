/**
 * The site's sidebar, built from the catalog (catalog.ts) rather than listed by hand: every published analysis
 * under its use case (in the order of the use-case cards, analyses by title), the pages tagged `example` in a
 * closed Examples section, then the portfolio pages and the operations pages (data quality, runs, the data API). observablehq.config.ts reads it; `carnet new`
 * touches that file so a running preview picks a new page up.
 */
import {readCatalog, type CatalogOptions} from "./catalog.ts";
import {defaultUseCasesDir, inspectUseCases} from "./use-cases.ts";

interface Link {
  name: string;
  path: string;
}
interface Section {
  name: string;
  collapsible?: boolean;
  open?: boolean;
  pages: Link[];
}

const portfolio: Section = {
  name: "Portfolio",
  pages: [
    {name: "Catalog of analyses", path: "/analyses"},
    {name: "Use cases", path: "/use-cases"},
    {name: "Value report", path: "/value-report"}
  ]
};

/** How the site is run and read by other tools. */
const operations: Section = {
  name: "Operations",
  pages: [
    {name: "Data quality", path: "/data-quality"},
    {name: "Refresh runs", path: "/runs"},
    {name: "Data API", path: "/api"}
  ]
};

export function sidebar(options: CatalogOptions = {}): (Section | Link)[] {
  const published = readCatalog(options).entries.filter((e) => e.status === "published");
  const link = (e: (typeof published)[number]): Link => ({name: e.title, path: `/${e.href}`});
  const byTitle = (a: {title: string}, b: {title: string}) => a.title.localeCompare(b.title);
  const isExample = (e: (typeof published)[number]) => e.tags.includes("example");
  const {cards} = inspectUseCases(options.useCasesDir ?? defaultUseCasesDir());
  const order = [...cards.map((c) => c.id)];
  const sections: Section[] = [];
  for (const id of [...order, ...new Set(published.map((e) => e.use_case).filter((u) => !order.includes(u)))]) {
    const pages = published.filter((e) => e.use_case === id && !isExample(e)).sort(byTitle);
    if (pages.length) sections.push({name: pages[0].use_case_name, pages: pages.map(link)});
  }
  const examples = published.filter(isExample).sort(byTitle);
  return [
    ...sections,
    portfolio,
    ...(examples.length ? [{name: "Examples", collapsible: true, open: false, pages: examples.map(link)}] : []),
    operations
  ];
}
