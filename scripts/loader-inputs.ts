/**
 * What each data loader's output depends on, so the prebuild clears only the cached outputs whose inputs changed
 * (Framework's build reuses any cached output; its preview only compares the loader file's own time stamp).
 * A loader's inputs: its own file, every local module it imports (transitively, by content), the interpreter's
 * files for `.sql` loaders, the page front matters for loaders that read them (catalog, provenance), and what
 * every loader may read: the extract folder, data/, CARNET_* settings and the installed packages.
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {importClosure} from "../loaders/source/imports.ts";

/** Loader files: a published file's name plus the loader's own extension (x.arrow.ts, x.json.sql, x.csv.py...). */
export const LOADER = /\.(json|csv|tsv|arrow|parquet|txt|zip|html|svg|png)\.(ts|js|py|sql|R)$/;
const PAGE_READERS = ["loaders/catalog/pages.ts", "loaders/catalog/front-matter.ts"];

const digest = (text: string | Buffer) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Loader files under the source root, relative to it, Framework's cache excluded. */
export function findLoaders(sourceRoot: string): string[] {
  return readdirSync(sourceRoot, {recursive: true})
    .map(String)
    .filter((rel) => LOADER.test(rel) && !rel.split("/").includes(".observablehq"))
    .sort();
}

/** Digest of one loader's own inputs (not the shared ones), from file contents. */
export function loaderDigest(root: string, sourceRoot: string, loader: string, frontMatters: () => string): string {
  const file = join(sourceRoot, loader);
  const files = importClosure(file);
  if (loader.endsWith(".sql")) files.push(...importClosure(join(root, "scripts", "sql-loader.ts")));
  for (const folder of ["python", "R"]) {
    const dir = join(root, folder);
    if (existsSync(dir) && (loader.endsWith(".py") || loader.endsWith(".R"))) {
      for (const rel of readdirSync(dir, {recursive: true}).map(String).sort()) {
        const path = join(dir, rel);
        if (statSync(path).isFile()) files.push(path);
      }
    }
  }
  const lines = [...new Set(files)].map((path) => `${relative(root, path)} ${digest(readFileSync(path))}`);
  if (files.some((path) => PAGE_READERS.includes(relative(root, path)))) lines.push(frontMatters());
  return digest(lines.join("\n"));
}
