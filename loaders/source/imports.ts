/**
 * The local modules a file depends on, followed through its relative imports: what the prebuild stamps each loader
 * output with (scripts/loader-inputs.ts) and what the prepared delivery is keyed by (prepare/prepared.ts), so an
 * edit of any module that computes a published figure invalidates what was computed with the old code.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync, statSync} from "node:fs";
import {dirname, join, normalize} from "node:path";

const SPECIFIER = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** A relative import resolved to a file: `./x.js` may name `x.ts` (browser-style specifiers). */
function resolveImport(from: string, specifier: string): string | undefined {
  const path = normalize(join(dirname(from), specifier));
  for (const candidate of [path, path.replace(/\.js$/, ".ts"), `${path}.ts`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The file and every local file it imports, transitively (absolute paths, sorted). */
export function importClosure(file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    if (!/\.(ts|js|mjs|cjs)$/.test(path)) return;
    for (const [, specifier] of readFileSync(path, "utf8").matchAll(SPECIFIER)) {
      const target = resolveImport(path, specifier);
      if (target) visit(target);
    }
  };
  visit(file);
  return [...seen].sort();
}

/** A digest of the contents of `file` and every local module it imports. */
export function codeDigest(file: string): string {
  const hash = createHash("sha256");
  for (const path of importClosure(file)) hash.update(readFileSync(path)).update("\n\0");
  return hash.digest("hex").slice(0, 16);
}
