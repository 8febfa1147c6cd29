/**
 * `carnet new`: a new analysis page from templates/analysis.md (front matter, the question / data / method /
 * findings / limits outline, the provenance footer) and its loader stub in the chosen language from
 * templates/loader.json.<ts|sql|py|R>.tmpl.
 * Existing files are never overwritten.
 */
import {existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {CarnetError} from "../errors.ts";
import {projectRoot} from "./root.ts";
import {useCaseIds} from "./use-cases.ts";

export interface ScaffoldOptions {
  title: string;
  useCase: string;
  author: string;
  /** Project root holding src/ and data/use-cases/ (default: this project). */
  root?: string;
  /** Creation date, YYYY-MM-DD (default: today, UTC). */
  date?: string;
  /** The loader's language (default ts). */
  language?: Language;
}

/** Loader languages and the file each writes: src/data/<slug>.json.<extension>. */
export const languages = {
  ts: {extension: "ts", name: "TypeScript"},
  sql: {extension: "sql", name: "SQL"},
  python: {extension: "py", name: "Python"},
  r: {extension: "R", name: "R"}
} as const;
export type Language = keyof typeof languages;

/** Every loader extension Framework or Carnet runs: a second loader of the same output would shadow or be shadowed. */
const LOADER_EXTENSIONS = ["ts", "js", "mjs", "py", "R", "sql", "sh", "exe", "jl", "php", "rs", "go", "java"];

export interface Scaffolded {
  /** Paths relative to the root, "/"-separated. */
  page: string;
  loader: string;
  slug: string;
}

/** "Sick leave in Île-de-France, 2025!" -> "sick-leave-in-ile-de-france-2025". */
export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** A YAML scalar that stays a text whatever it holds (quotes, colons, "#"). */
function yamlText(value: string): string {
  return JSON.stringify(value);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`template placeholder {{${name}}} has no value`);
    return values[name];
  });
}

export function scaffoldAnalysis(options: ScaffoldOptions): Scaffolded {
  const root = options.root ?? projectRoot();
  const title = options.title.trim();
  const author = options.author.trim();
  if (!title)
    throw new CarnetError('carnet new: the title is empty; usage: carnet new "Title" --use-case ID --author NAME');
  if (!author) throw new CarnetError("carnet new: --author is empty");
  const ids = useCaseIds(join(root, "data", "use-cases"));
  if (!ids.includes(options.useCase)) {
    throw new CarnetError(
      `carnet new: unknown use case "${options.useCase}"; expected one of: ${ids.join(", ")} (cards in data/use-cases/)`
    );
  }
  const slug = slugify(title);
  if (!slug) throw new CarnetError(`carnet new: the title "${title}" has no letters or digits to name the page after`);
  const language = languages[options.language ?? "ts"];
  const page = `src/${slug}.md`;
  const loader = `src/data/${slug}.json.${language.extension}`;
  if (existsSync(join(root, page)))
    throw new CarnetError(`carnet new: ${page} already exists; choose another title or edit that page`);
  // One loader per output: Framework would silently run only one of two, whichever it finds first.
  const existing = LOADER_EXTENSIONS.map((ext) => `src/data/${slug}.json.${ext}`).find((p) =>
    existsSync(join(root, p))
  );
  if (existing)
    throw new CarnetError(
      `carnet new: ${existing} already exists and would shadow (or be shadowed by) a second loader of data/${slug}.json; choose another title or edit it`
    );
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const values = {
    title: yamlText(title),
    title_text: title.replace(/[<>]/g, ""),
    summary: yamlText(`What ${title} answers, in one sentence.`),
    author: yamlText(author),
    use_case: options.useCase,
    date,
    slug,
    loader,
    language: language.name
  };
  const templates = join(projectRoot(), "templates");
  write(join(root, page), fill(readFileSync(join(templates, "analysis.md"), "utf8"), values));
  write(
    join(root, loader),
    fill(readFileSync(join(templates, `loader.json.${language.extension}.tmpl`), "utf8"), values)
  );
  refreshCatalogLoaders(root);
  return {page, loader, slug};
}

/**
 * Framework reuses a loader's cached output until the loader file itself changes, and the catalog loaders read
 * the pages' front matter: touching them makes the next build or preview list the new page.
 */
const catalogLoaders = [
  "src/data/catalog.json.ts",
  "src/data/use-cases.json.ts",
  "src/data/provenance.json.ts",
  // The sidebar is built from the catalog when the config is read: a running preview reads it again.
  "observablehq.config.ts"
];

function refreshCatalogLoaders(root: string): void {
  const now = new Date();
  for (const file of catalogLoaders) if (existsSync(join(root, file))) utimesSync(join(root, file), now, now);
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), {recursive: true});
  // "wx": fail rather than overwrite, even if the file appeared since the check above.
  writeFileSync(path, text, {flag: "wx"});
}
