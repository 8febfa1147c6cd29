import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {CDN_HOST_PATTERN, CDN_HOSTS} from "../../scripts/cdn-hosts.ts";
import {listFiles, requireDist} from "./dist-files.ts";

/** Files under dist/ that mention a CDN host, with the first mention and its surroundings. */
function cdnReferences(dir: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(dir)) {
    // Binary files (the DuckDB wasm builds) too: read as latin1 so every byte maps to one character.
    const text = readFileSync(join(dir, file)).toString("latin1");
    const match = CDN_HOST_PATTERN.exec(text);
    if (match) {
      const around = text
        .slice(Math.max(0, match.index - 60), match.index + match[0].length + 40)
        .replace(/[^\x20-\x7e]/g, "?");
      found.push(`${file}: ${match[0]} in …${around}…`);
    }
  }
  return found;
}

describe("the built site is self-contained", () => {
  test("the CDN pattern recognises every listed host and its subdomains, not look-alike words", () => {
    for (const host of CDN_HOSTS) expect(CDN_HOST_PATTERN.test(`https://${host}/x`), host).toBe(true);
    expect(CDN_HOST_PATTERN.test("https://community-extensions.duckdb.org/v1")).toBe(true);
    expect(CDN_HOST_PATTERN.test('"xesm.sh"')).toBe(false);
    expect(CDN_HOST_PATTERN.test("esm.shim")).toBe(false);
    expect(CDN_HOST_PATTERN.test("https://extension-off.invalid")).toBe(false);
  });

  test("no file under dist/ references a CDN, Google Fonts, DuckDB's extension repository or Framework telemetry", () => {
    const dir = requireDist();
    expect(cdnReferences(dir)).toEqual([]);
  });

  test("every page links only stylesheets and scripts served from the site itself", () => {
    const dir = requireDist();
    const outside: string[] = [];
    for (const file of listFiles(dir).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(dir, file), "utf8");
      for (const [, url] of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+)"/g)) {
        if (/^(?:[a-z]+:)?\/\//i.test(url)) outside.push(`${file}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
