/**
 * The sidebar built from the catalog: a published analysis appears under its use case's name, a draft does not,
 * pages tagged `example` go to the Examples section, and the site's own pages close the list.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {readCatalog} from "../../loaders/catalog/catalog.ts";
import {sidebar} from "../../loaders/catalog/sidebar.ts";
import {defaultUseCasesDir} from "../../loaders/catalog/use-cases.ts";

const root = mkdtempSync(join(tmpdir(), "carnet-sidebar-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

function page(title: string, fields: Record<string, string>): string {
  const all = {
    title,
    summary: "One sentence.",
    authors: "[Ada]",
    use_case: "claims-drift",
    status: "published",
    reviewers: "[Actuarial team]",
    created: "2026-01-01",
    updated: "2026-01-02",
    data: "[claims]",
    tags: "[drift]",
    ...fields
  };
  return `---\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n# ${title}\n`;
}

describe("the sidebar", () => {
  test("lists each published analysis under its use case, the examples apart, never a draft", () => {
    const src = join(root, "src");
    mkdirSync(join(src, "examples"), {recursive: true});
    writeFileSync(join(src, "zeta.md"), page("Zeta drift", {}));
    writeFileSync(join(src, "alpha.md"), page("Alpha drift", {}));
    writeFileSync(join(src, "forgery.md"), page("Forgery matrix", {use_case: "document-ai"}));
    writeFileSync(join(src, "wip.md"), page("Work in progress", {status: "draft", reviewers: "[]"}));
    writeFileSync(join(src, "examples", "how.md"), page("How to", {tags: "[example]"}));
    const options = {srcDir: src, useCasesDir: defaultUseCasesDir()};
    const names = new Map(readCatalog(options).entries.map((e) => [e.use_case, e.use_case_name]));
    const sections = sidebar(options) as {name: string; pages?: {name: string; path: string}[]; path?: string}[];
    const section = (name: string | undefined) => sections.find((s) => s.name === name)?.pages?.map((p) => p.path);
    expect(section(names.get("claims-drift"))).toEqual(["/alpha", "/zeta"]);
    expect(section(names.get("document-ai"))).toEqual(["/forgery"]);
    expect(section("Examples")).toEqual(["/examples/how"]);
    expect(JSON.stringify(sections)).not.toContain("/wip");
    expect(sections.at(-1)?.name).toBe("Operations");
    expect(section("Operations")).toEqual(["/data-quality", "/runs", "/api"]);
  });

  test("the site's sidebar holds every published page of the catalog once", () => {
    const published = readCatalog().entries.filter((e) => e.status === "published");
    const paths = JSON.stringify(sidebar()).match(/"path":"[^"]+"/g) ?? [];
    for (const entry of published) expect(paths.filter((p) => p === `"path":"/${entry.href}"`)).toHaveLength(1);
    expect(paths).toContain('"path":"/examples/typescript-loader"');
  });
});
