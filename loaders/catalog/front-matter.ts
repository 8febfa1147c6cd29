/**
 * The front matter every analysis page carries, and its schema. Framework itself reads front matter with
 * gray-matter (js-yaml) and ignores the keys below; Carnet reads them with `yaml` (YAML 1.2: a bare 2026-11-25
 * stays a text, so an impossible date is caught instead of rolling over) and also checks that gray-matter can
 * read the block: otherwise Framework would print the front matter as the page's text.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import matter from "gray-matter";
import {parse} from "yaml";
import {contract} from "../extracts/contract.ts";
import {FieldChecker, isRecord, type Problem} from "./fields.ts";

export const statuses = ["draft", "in review", "published", "retired"] as const;
export type Status = (typeof statuses)[number];

export interface AnalysisMeta {
  title: string;
  summary: string;
  authors: string[];
  use_case: string;
  status: Status;
  reviewers: string[];
  created: string;
  updated: string;
  data: string[];
  tags: string[];
}

/** Data sources a page may name besides its own loaders' outputs: the extract files and the detector runs. */
const knownSources: readonly string[] = [...contract.map((file) => file.name), "detector-runs", "use-cases"];

/** Loader extensions Framework (and Carnet's config) can run to produce a data file. */
const loaderExtensions = ["ts", "js", "py", "sql", "sh", "R"];

export interface SplitPage {
  /** The parsed front matter, or undefined when the page has none. */
  data: unknown;
  body: string;
  /** A YAML syntax error, with its line inside the front matter. */
  error?: string;
}

/** Splits "---\n yaml \n---\n body" (the same delimiters gray-matter accepts). */
export function splitFrontMatter(text: string): SplitPage {
  const source = text.replace(/^\uFEFF/, "");
  const match =
    /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source) ??
    /^---[ \t]*\r?\n()---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return {data: undefined, body: source};
  const body = source.slice(match[0].length);
  try {
    matter(source, {});
  } catch (error) {
    const reason = (error as {reason?: string}).reason ?? (error as Error).message.split("\n")[0];
    const line = (error as {mark?: {line?: number}}).mark?.line;
    return {
      data: undefined,
      body,
      error: `${reason}${line === undefined ? "" : ` at line ${line + 1}`} (Framework's parser, gray-matter, cannot read it; quote texts holding ": ")`
    };
  }
  try {
    return {data: parse(match[1]) ?? {}, body};
  } catch (error) {
    return {data: undefined, body, error: (error as Error).message.split("\n")[0]};
  }
}

export interface CheckOptions {
  /** Ids of the use-case cards in data/use-cases/. */
  useCaseIds: readonly string[];
  /** The page's file, to resolve `data` entries that name a loader output (e.g. data/foo.json). */
  pageFile?: string;
}

/** Checks an analysis page's front matter; every problem names its field. */
export function checkFrontMatter(split: SplitPage, options: CheckOptions): {meta?: AnalysisMeta; problems: Problem[]} {
  if (split.error) return {problems: [{field: "(front matter)", message: `invalid YAML: ${split.error}`}]};
  if (split.data === undefined)
    return {
      problems: [
        {
          field: "(front matter)",
          message:
            "missing: an analysis page starts with a --- front-matter block (title, summary, authors, use_case, status, reviewers, created, updated, data, tags)"
        }
      ]
    };
  if (!isRecord(split.data)) return {problems: [{field: "(front matter)", message: "expected a mapping of fields"}]};
  const c = new FieldChecker(split.data);
  const title = c.text("title");
  const summary = c.text("summary");
  const authors = c.list("authors", 1);
  const use_case = c.text("use_case");
  if (use_case && !options.useCaseIds.includes(use_case)) {
    c.problem(
      "use_case",
      `unknown use case "${use_case}"; expected the id of a card in data/use-cases/ (${options.useCaseIds.join(", ")})`
    );
  }
  const status = c.oneOf("status", statuses);
  const reviewers = c.list("reviewers");
  if (
    (status === "published" || status === "retired") &&
    c.has("reviewers") &&
    Array.isArray(split.data.reviewers) &&
    !reviewers.length
  ) {
    c.problem("reviewers", `a ${status} analysis names at least one reviewer`);
  }
  const created = c.date("created");
  const updated = c.date("updated");
  if (created && updated && updated < created) c.problem("updated", `${updated} is before created (${created})`);
  const data = c.list("data", 1);
  for (const [i, source] of data.entries()) {
    if (!isKnownSource(source, options.pageFile)) {
      c.problem(
        `data[${i}]`,
        `unknown data "${source}"; expected an extract file (${knownSources.join(", ")}) or a data file of the page's folder with its loader (e.g. data/x.json from data/x.json.ts)`
      );
    }
  }
  const tags = c.list("tags");
  if (c.problems.length) return {problems: c.problems};
  return {meta: {title, summary, authors, use_case, status, reviewers, created, updated, data, tags}, problems: []};
}

function isKnownSource(source: string, pageFile?: string): boolean {
  if (knownSources.includes(source)) return true;
  if (!pageFile || !source.includes("/") || source.includes("..")) return false;
  const file = join(dirname(pageFile), source);
  return existsSync(file) || loaderExtensions.some((ext) => existsSync(`${file}.${ext}`));
}
