/**
 * Which pages are analyses. The rule: every Markdown page under src/ is an analysis page, except the site's own
 * pages listed in `sitePages` (home, data quality, catalog, portfolio, value report, runs, data API) — and a site page that
 * declares a `use_case` is checked as an analysis too. Folders starting with "." (Framework's cache) and
 * symbolic links are not walked.
 */
import {lstatSync, readdirSync, readFileSync} from "node:fs";
import {join, relative, sep} from "node:path";
import type {Problem} from "./fields.ts";
import {isRecord} from "./fields.ts";
import {checkFrontMatter, splitFrontMatter, type AnalysisMeta} from "./front-matter.ts";

export const sitePages: readonly string[] = [
  "index.md",
  "data-quality.md",
  "analyses.md",
  "use-cases.md",
  "value-report.md",
  "runs.md",
  "api.md"
];

export interface PageFile {
  /** Absolute path of the .md file. */
  file: string;
  /** Path relative to the source root, with "/" separators: "claims-drift.md", "examples/python.md". */
  relative: string;
  /** The page's address on the site: "/claims-drift", "/examples/python". */
  href: string;
}

export function markdownPages(srcDir: string): PageFile[] {
  const pages: PageFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith(".md")) {
        const rel = relative(srcDir, path).split(sep).join("/");
        pages.push({file: path, relative: rel, href: "/" + rel.replace(/\.md$/, "").replace(/(^|\/)index$/, "$1")});
      }
    }
  };
  walk(srcDir);
  return pages;
}

export interface InspectedPage extends PageFile {
  meta?: AnalysisMeta;
  problems: Problem[];
  /** The page's prose (Markdown without code), for full-text search. */
  text: string;
}

/** Every analysis page with its checked front matter (problems listed, never thrown). */
export function inspectAnalysisPages(srcDir: string, useCaseIds: readonly string[]): InspectedPage[] {
  const inspected: InspectedPage[] = [];
  for (const page of markdownPages(srcDir)) {
    const split = splitFrontMatter(readFileSync(page.file, "utf8"));
    const isSite = sitePages.includes(page.relative);
    if (isSite && !(isRecord(split.data) && split.data.use_case !== undefined)) continue;
    const {meta, problems} = checkFrontMatter(split, {useCaseIds, pageFile: page.file});
    inspected.push({...page, meta, problems, text: proseOf(split.body)});
  }
  return inspected;
}

/** Markdown prose without fenced code, HTML tags, ${…} expressions and markup characters, squeezed. */
function proseOf(body: string, limit = 4000): string {
  return body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\$\{[^}]*\}/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_`>|~]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, limit);
}
