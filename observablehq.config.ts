/**
 * Observable Framework configuration for Carnet. Everything is served from this machine: libraries come from the
 * npm cache filled by scripts/vendor-npm.ts, fonts are the reader's system fonts (no Google Fonts stylesheet),
 * DuckDB-Wasm loads no extension from extensions.duckdb.org, and telemetry is off (OBSERVABLE_TELEMETRY_DISABLE in
 * the npm scripts, repeated here for anyone running `observable` directly).
 */
import {apiPaths} from "./loaders/api/paths.ts";
import {sidebar} from "./loaders/catalog/sidebar.ts";

process.env.OBSERVABLE_TELEMETRY_DISABLE ??= "true";

/** System font stacks replacing Framework's default Source Serif 4 from Google Fonts. */
const fonts = `<style>
:root {
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Noto Serif", "DejaVu Serif", Georgia, serif;
  --sans-serif: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif;
  --monospace: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
</style>`;

/** Printing an analysis (or saving it as PDF) gives the content only, in black on white, without cut charts. */
const print = `<style media="print">
#observablehq-sidebar, #observablehq-sidebar-toggle, #observablehq-toc, #observablehq-search, .observablehq-pager,
#observablehq-header, #observablehq-footer { display: none !important; }
#observablehq-center { margin: 0 !important; }
:root { --theme-background: #fff; --theme-foreground: #000; }
figure, svg, table, .card { break-inside: avoid; }
a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 80%; }
</style>`;

export default {
  title: "Carnet",
  root: "src",
  // CARNET_SITE_OUTPUT: where `carnet refresh` builds a delivery (a new folder each time); dist/ otherwise.
  output: process.env.CARNET_SITE_OUTPUT ?? "dist",
  // The sidebar from the catalog (loaders/catalog/sidebar.ts): each published analysis under its use case, the
  // examples, the portfolio pages and data quality; never listed by hand.
  pages: sidebar(),
  pager: false,
  // The data API (src/api/v1/, loaders/api/): published at stable paths, not content-hashed like page files.
  dynamicPaths: apiPaths("src"),
  globalStylesheets: [],
  head: `${fonts}\n${print}`,
  footer:
    "Carnet · data-science team. Individuals are pseudonymised; aggregates describing fewer than 11 insured are masked.",
  search: true,
  // json and parquet would otherwise be downloaded from extensions.duckdb.org; pages read Arrow IPC instead.
  duckdb: {extensions: {json: null, parquet: null}},
  // `.sql` files are loaders too: src/data/x.arrow.sql runs against the staged extract tables (Arrow IPC out).
  // Python loaders run in the project's environment (.venv, made by the prebuild from python/requirements.txt).
  interpreters: {".sql": ["tsx", "scripts/sql-loader.ts"], ".py": [".venv/bin/python"]}
};
