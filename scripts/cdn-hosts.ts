/**
 * Hosts that must never appear in the built site: CDNs Framework would otherwise download from, the Google
 * Fonts stylesheet, DuckDB's extension repositories and Framework's telemetry endpoint. Shared by the vendoring
 * script (which rewrites dead references inside vendored bundles) and tests/build/no-cdn-test.ts.
 */
export const CDN_HOSTS = [
  "cdn.jsdelivr.net",
  "unpkg.com",
  "esm.sh",
  "fonts.googleapis.com",
  "fonts.gstatic.com",
  "cdn.skypack.dev",
  "extensions.duckdb.org",
  "events.observablehq.com"
] as const;

/**
 * Matches any of CDN_HOSTS as a host name or a subdomain of one ("community-extensions.duckdb.org" too), but not as
 * part of a longer word ("xesm.sh", "esm.shim"). Linear time: no nested quantifiers, safe on megabytes of minified code.
 */
export const CDN_HOST_PATTERN = new RegExp(
  `(?<!\\w)(?:${CDN_HOSTS.map((h) => h.replace(/[.]/g, "\\.")).join("|")})(?![\\w-]|\\.[a-z])`,
  "i"
);
