import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {readCatalog} from "../../loaders/catalog/catalog.ts";
import {readPortfolio} from "../../loaders/catalog/portfolio.ts";
import {defaultUseCasesDir} from "../../loaders/catalog/use-cases.ts";

const root = mkdtempSync(join(tmpdir(), "carnet-catalog-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

function page(fields: Record<string, string>, body = "# Page\n\nSome prose.\n"): string {
  return `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n${body}`;
}

const base = {
  summary: "One sentence.",
  authors: "[Ada]",
  use_case: "claims-drift",
  status: "published",
  reviewers: "[Actuarial team]",
  created: "2026-01-01",
  data: "[claims]",
  tags: "[drift]"
};

const src = join(root, "src");
mkdirSync(join(src, "examples"), {recursive: true});
mkdirSync(join(src, ".observablehq"), {recursive: true});
mkdirSync(join(root, "elsewhere"), {recursive: true});
writeFileSync(join(src, "older.md"), page({...base, title: "Older", updated: "2026-02-01"}));
writeFileSync(
  join(src, "newer.md"),
  page(
    {...base, title: "Newer", updated: "2026-03-01", authors: "[Bob, Ada]"},
    "# Newer\n\nAbout **sick leave** in [Lyon](./lyon).\n\n```js\nconst secret = 1;\n```\n"
  )
);
writeFileSync(
  join(src, "examples", "nested.md"),
  page({...base, title: "Nested", updated: "2026-02-15", use_case: "document-ai", status: "draft", reviewers: "[]"})
);
writeFileSync(join(src, "broken.md"), page({...base, title: "Broken", updated: "2026-02-01", status: "final"}));
writeFileSync(join(src, "index.md"), "---\ntitle: Home\n---\n# Home\n");
writeFileSync(join(src, ".observablehq", "cached.md"), "# not a page\n");
writeFileSync(join(root, "elsewhere", "linked.md"), "# behind a symlink\n");
symlinkSync(join(root, "elsewhere"), join(src, "components"));

describe("the catalog of analyses", () => {
  const catalog = readCatalog({srcDir: src, useCasesDir: defaultUseCasesDir()});

  test("lists every analysis page with a valid front matter, most recently updated first", () => {
    expect(catalog.entries.map((e) => e.title)).toEqual(["Newer", "Nested", "Older"]);
  });

  test("leaves out site pages, Framework's cache and symbolic links", () => {
    expect(catalog.entries.map((e) => e.file)).toEqual(["src/newer.md", "src/examples/nested.md", "src/older.md"]);
  });

  test("reports a page with broken front matter with its path and field, instead of listing it", () => {
    expect(catalog.invalid).toEqual([
      'src/broken.md: status: expected one of "draft", "in review", "published", "retired", got "final"'
    ]);
  });

  test("gives each entry its link, its use case's name and its prose without code", () => {
    const newer = catalog.entries[0];
    expect(newer.href).toBe("newer");
    expect(catalog.entries[1].href).toBe("examples/nested");
    expect(newer.use_case_name).toBe("Claims-experience drift in prévoyance");
    expect(newer.authors).toEqual(["Bob", "Ada"]);
    expect(newer.text).toBe("Newer About sick leave in Lyon.");
  });

  test("links each use case's card to its analyses in the portfolio", () => {
    const portfolio = readPortfolio({srcDir: src, useCasesDir: defaultUseCasesDir()});
    const drift = portfolio.cards.find((c) => c.id === "claims-drift");
    expect(drift?.analyses.map((a) => a.href)).toEqual(["newer", "older"]);
    expect(portfolio.cards.find((c) => c.id === "document-ai")?.analyses).toEqual([
      {title: "Nested", href: "examples/nested", status: "draft", updated: "2026-02-15"}
    ]);
  });
});

describe("a copy of the real use cases", () => {
  test("is what the catalog reads by default", () => {
    const copy = join(root, "cards");
    cpSync(defaultUseCasesDir(), copy, {recursive: true});
    expect(readCatalog({srcDir: src, useCasesDir: copy}).entries.length).toBe(3);
  });
});
