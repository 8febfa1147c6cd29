// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {facet, filterCatalog, type CatalogItem} from "../../../src/components/catalog/catalog-filter.ts";
import {catalogList} from "../../../src/components/catalog/catalog-list.ts";
import {lifecycleBoard} from "../../../src/components/catalog/lifecycle-board.ts";
import {pageFromLocation, provenanceFooter, type ProvenanceData} from "../../../src/components/catalog/provenance.ts";
import {useCaseCard, type CardData} from "../../../src/components/catalog/use-case-card.ts";
import {pipelineChart, valueEffortChart} from "../../../src/components/catalog/value-charts.ts";
import {valueTable} from "../../../src/components/catalog/value-table.ts";

function item(title: string, fields: Partial<CatalogItem> = {}): CatalogItem {
  return {
    href: title.toLowerCase().replace(/\s+/g, "-"),
    title,
    summary: `${title} summary`,
    authors: ["Ada"],
    use_case: "claims-drift",
    use_case_name: "Claims drift",
    status: "published",
    reviewers: ["Actuaries"],
    created: "2026-01-01",
    updated: "2026-01-01",
    data: ["claims"],
    tags: [],
    text: "",
    ...fields
  };
}

const items = [
  item("Drift by sector", {updated: "2026-03-01", tags: ["drift", "sector"], text: "Les arrêts de travail augmentent"}),
  item("Expertise capacity", {
    updated: "2026-02-01",
    use_case: "expertise-targeting",
    use_case_name: "Expertise targeting",
    authors: ["Bob"],
    status: "draft",
    reviewers: []
  }),
  item("Detector matrix", {
    updated: "2026-04-01",
    use_case: "document-ai",
    use_case_name: "Document AI",
    authors: ["Ada", "Bob"],
    tags: ["drift"]
  })
];

const titles = (list: CatalogItem[]) => list.map((i) => i.title);

describe("filterCatalog", () => {
  test("sorts by updated date, newest first unless asked otherwise", () => {
    expect(titles(filterCatalog(items))).toEqual(["Detector matrix", "Drift by sector", "Expertise capacity"]);
    expect(titles(filterCatalog(items, {order: "oldest"}))).toEqual([
      "Expertise capacity",
      "Drift by sector",
      "Detector matrix"
    ]);
  });

  test("finds every word of the query anywhere in an entry, ignoring case and accents", () => {
    expect(titles(filterCatalog(items, {query: "ARRETS travail"}))).toEqual(["Drift by sector"]);
    expect(titles(filterCatalog(items, {query: "bob"}))).toEqual(["Detector matrix", "Expertise capacity"]);
    expect(titles(filterCatalog(items, {query: "nothing like this"}))).toEqual([]);
  });

  test("combines facets: use case, status, author, tag", () => {
    expect(titles(filterCatalog(items, {statuses: ["draft"]}))).toEqual(["Expertise capacity"]);
    expect(titles(filterCatalog(items, {useCases: ["claims-drift", "document-ai"], authors: ["Ada"]}))).toEqual([
      "Detector matrix",
      "Drift by sector"
    ]);
    expect(titles(filterCatalog(items, {tags: ["drift"], authors: ["Bob"]}))).toEqual(["Detector matrix"]);
  });

  test("counts facet values, most frequent first", () => {
    expect(facet(items, "authors")).toEqual([
      {value: "Ada", count: 2},
      {value: "Bob", count: 2}
    ]);
    expect(facet(items, "tags")).toEqual([
      {value: "drift", count: 2},
      {value: "sector", count: 1}
    ]);
  });
});

describe("catalogList", () => {
  test("shows each analysis as a link with its summary, status, use case and authors", () => {
    const list = catalogList(filterCatalog(items), {total: 3});
    const entries = [...list.querySelectorAll("li")];
    expect(list.querySelector(".carnet-catalog-count")?.textContent).toBe("3 of 3 analyses");
    expect(entries.map((li) => li.querySelector("a")?.getAttribute("href"))).toEqual([
      "./detector-matrix",
      "./drift-by-sector",
      "./expertise-capacity"
    ]);
    expect(entries[2].querySelector(".carnet-status")?.textContent).toBe("Draft");
    expect(entries[2].textContent).toContain("Expertise targeting · by Bob · updated 2026-02-01");
  });

  test("says so when nothing matches", () => {
    const list = catalogList([], {total: 3});
    expect(list.textContent).toContain("0 of 3 analyses");
    expect(list.textContent).toContain("No analysis matches these filters.");
  });
});

const provenance: ProvenanceData = {
  extract_folder: "data/extracts",
  snapshot_date: "2025-12-31",
  files: [
    {file: "claims", rows_read: 1002, rows_accepted: 1000, rows_rejected: 2},
    {file: "insured", rows_read: 5000, rows_accepted: 5000, rows_rejected: 0},
    {file: "premiums", rows_read: 40, rows_accepted: 40, rows_rejected: 0}
  ],
  commit: "abc1234",
  dirty: false,
  build_date: "2026-11-25",
  pages: {
    "claims-drift": {
      title: "Claims drift",
      authors: ["Ada"],
      reviewers: ["Actuaries"],
      status: "published",
      updated: "2026-11-20",
      data: ["claims", "insured"]
    },
    "examples/draft": {
      title: "Draft",
      authors: ["Bob"],
      reviewers: [],
      status: "draft",
      updated: "2026-11-21",
      data: ["premiums"]
    }
  }
};

describe("provenanceFooter", () => {
  test("shows the author/status line, the snapshot, the row counts of the data the page reads, the commit and the build date", () => {
    const footer = provenanceFooter(provenance, {page: "claims-drift"});
    expect(footer.querySelector(".carnet-provenance-authors")?.textContent).toBe(
      "By Ada · status: Published · reviewed by Actuaries · updated 2026-11-20"
    );
    expect(footer.querySelector(".carnet-provenance-data")?.textContent).toBe(
      "Data: extract folder data/extracts, snapshot 2025-12-31 · claims 1,000 rows (2 rejected) · insured 5,000 rows"
    );
    expect(footer.querySelector(".carnet-provenance-code")?.textContent).toBe(
      "Code: commit abc1234 · built 2026-11-25"
    );
    expect(footer.querySelector(".carnet-status-banner")).toBeNull();
  });

  test("marks a draft visibly", () => {
    const footer = provenanceFooter(provenance, {page: "examples/draft"});
    expect(footer.querySelector(".carnet-status-banner")?.textContent).toBe("Draft: not yet reviewed for publication");
    expect(footer.querySelector(".carnet-status-badge")?.textContent).toBe("Draft");
  });

  test("on a site page, lists every file and says when the commit is unknown", () => {
    const footer = provenanceFooter({...provenance, commit: null}, {page: "index"});
    expect(footer.querySelector(".carnet-provenance-authors")).toBeNull();
    expect(footer.querySelector(".carnet-provenance-data")?.textContent).toContain("premiums 40 rows");
    expect(footer.querySelector(".carnet-provenance-code")?.textContent).toBe(
      "Code: commit unknown (not built from a git checkout) · built 2026-11-25"
    );
  });

  test("finds the page from the browser's address", () => {
    expect(pageFromLocation("/examples/draft")).toBe("examples/draft");
    expect(pageFromLocation("/claims-drift.html")).toBe("claims-drift");
  });
});

const card: CardData = {
  id: "claims-drift",
  name: "Claims drift",
  department: "Actuarial",
  description: "Why it matters.",
  financial_impact: {cost_line: "Allowances", segment_premiums_eur: 420000000, estimated_savings_eur: 2500000},
  resources: {
    sponsor: "Chief actuary",
    product_owner: "Head of pricing",
    product_owner_share: 0.5,
    team: ["data scientist"]
  },
  strategic_value: "Margin.",
  stage: "deployment",
  effort_person_days: 260,
  value: {
    sample: true,
    per_year: [
      {year: 2025, estimated_eur: 1500000, realised_eur: 1100000},
      {year: 2026, estimated_eur: 2200000, realised_eur: null}
    ]
  },
  analyses: [{title: "Drift by sector", href: "drift-by-sector", status: "in review"}]
};

describe("useCaseCard", () => {
  test("shows the identity card's fields, its yearly values and links to its analyses", () => {
    const element = useCaseCard(card);
    expect(element.id).toBe("claims-drift");
    expect(element.querySelector("h2")?.textContent).toBe("Claims drift");
    const facts = Object.fromEntries(
      [...element.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])
    );
    expect(facts["Premiums of the segment"]).toBe("420,000,000 €");
    expect(facts["Product owner"]).toBe("Head of pricing (50% of their time)");
    const rows = [...element.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent)
    );
    expect(rows).toEqual([
      ["2025", "1,500,000 €", "1,100,000 €"],
      ["2026", "2,200,000 €", "–"]
    ]);
    expect(element.querySelector(".carnet-usecase-analyses a")?.getAttribute("href")).toBe("./drift-by-sector");
    expect(element.textContent).toContain("Sample figures");
  });
});

describe("lifecycleBoard", () => {
  test("has one column per stage with its use cases", () => {
    const board = lifecycleBoard(
      [
        {id: "a", name: "A", stage: "run", department: "X"},
        {id: "b", name: "B", stage: "exploration", department: "Y"},
        {id: "c", name: "C", stage: "run", department: "X"}
      ],
      ["exploration", "modelling", "run"]
    );
    const columns = [...board.querySelectorAll("section")].map((s) => [
      s.dataset.stage,
      [...s.querySelectorAll("a")].map((a) => a.textContent)
    ]);
    expect(columns).toEqual([
      ["exploration", ["B"]],
      ["modelling", []],
      ["run", ["A", "C"]]
    ]);
    expect(board.querySelector('a[href="#c"]')).not.toBeNull();
  });
});

describe("valueTable", () => {
  test("shows realised / estimated value per year in thousands of euros and marks the loaders' figures", () => {
    const table = valueTable({
      rows: [
        {use_case: "a", year: 2024, estimated_eur: 110000, realised_eur: 124438, realised_source: "loader"},
        {use_case: "b", year: 2025, estimated_eur: 1500000, realised_eur: null, realised_source: null}
      ],
      use_cases: [
        {id: "a", name: "A", stage: "run"},
        {id: "b", name: "B", stage: "modelling"}
      ],
      totals_by_year: [
        {year: 2024, estimated_eur: 110000, realised_eur: 124438},
        {year: 2025, estimated_eur: 1500000, realised_eur: 0}
      ]
    });
    const cells = (selector: string) =>
      [...table.querySelectorAll(selector)].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(table.querySelector("caption")?.textContent).toBe("Realised / estimated value, in thousands of euros");
    expect(cells("thead tr")).toEqual([["Use case", "Stage", "2024", "2025"]]);
    expect(cells("tbody tr")).toEqual([
      ["A", "run", "124† / 110", ""],
      ["B", "modelling", "", "– / 1,500"]
    ]);
    expect(cells("tfoot tr")).toEqual([["Total", "", "124 / 110", "– / 1,500"]]);
    expect(table.querySelector(".from-loader")?.getAttribute("title")).toBe(
      "Measured by Carnet's loaders on the extract"
    );
  });
});

describe("charts", () => {
  test("value vs effort draws one dot per use case with its id", () => {
    const chart = valueEffortChart(
      [
        {id: "a", name: "A", stage: "run", effort_person_days: 10, estimated_savings_eur: 1000},
        {id: "b", name: "B", stage: "exploration", effort_person_days: 50, estimated_savings_eur: 3e6}
      ],
      {width: 500}
    );
    expect(chart.querySelectorAll("circle").length).toBe(2);
    expect([...chart.querySelectorAll("text")].map((t) => t.textContent)).toEqual(expect.arrayContaining(["a", "b"]));
  });

  test("the pipeline labels each stage with its count and potential", () => {
    const chart = pipelineChart([
      {stage: "exploration", use_cases: 3, estimated_savings_eur: 4050000},
      {stage: "run", use_cases: 2, estimated_savings_eur: 160000}
    ]);
    const labels = [...chart.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["3 · 4.1 M€/yr", "2 · 160 k€/yr"]));
  });
});
