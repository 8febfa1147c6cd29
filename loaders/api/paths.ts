/**
 * The API's paths for Framework's `dynamicPaths`: every file under src/api/v1/ (static schemas, and loaders by the
 * name of what they write). Framework copies such files to the same path in the site, without a content hash, so
 * other tools can rely on /api/v1/alerts.json. Reads the folder only: the config imports it.
 */
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";

const LOADER = /\.(ts|js|py|R|sql)$/;

export function apiPaths(srcDir: string): string[] {
  const root = join(srcDir, "api", "v1");
  // A site without the API (the built-ins test's fixture reuses this config) publishes none.
  if (!existsSync(root)) return [];
  return readdirSync(root, {recursive: true})
    .map(String)
    .filter((rel) => /\.(json|csv)(\.(ts|js|py|R|sql))?$/.test(rel))
    .map((rel) => `/api/v1/${rel.replace(LOADER, "")}`)
    .sort();
}
