/**
 * Helpers for the tests that inspect the built site. They run after `npm test` has built dist/; when dist/ is
 * missing they fail with a message saying so (a missing site must never pass as "nothing wrong found").
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";

export const projectRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const distDir = process.env.CARNET_DIST ? resolve(process.env.CARNET_DIST) : join(projectRoot, "dist");

export function requireDist(): string {
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(
      `${relative(projectRoot, distDir) || distDir}/index.html is missing: build the site first (npm run build, or npm test which builds)`
    );
  }
  return distDir;
}

/** Every file under `dir`, as paths relative to it, with "/" separators. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path).isFile()))
        files.push(relative(dir, path).split("\\").join("/"));
    }
  };
  visit(dir);
  return files.sort();
}
