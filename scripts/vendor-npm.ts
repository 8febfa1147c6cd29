/**
 * Fills Observable Framework's npm cache (`<root>/.observablehq/cache/_npm/<name>@<version>/`) from node_modules,
 * so neither `observable build` nor `observable preview` ever asks cdn.jsdelivr.net for a library.
 *
 * Framework resolves `npm:x` (and the built-ins Plot, d3, Inputs, DuckDBClient, sql, FileAttachment(...).arrow()...)
 * by first looking in that cache, taking any version folder already present; only when none is there does it
 * download. So, for each library pages may use, we bundle the package from node_modules with esbuild into
 * `<name>@<version>/_esm.js` (what jsDelivr's `/+esm` would have served): ESM, browser platform, minified. Libraries
 * that depend on each other import each other's cached file by relative path (Plot -> d3, DuckDB-Wasm -> Arrow), so
 * a single copy of d3 and of Arrow ships. DuckDB-Wasm's `.wasm` and worker files are copied beside its bundle.
 *
 * Every other library Framework's client code may look up (mermaid, leaflet, parquet-wasm, ...) gets an empty
 * `<name>@0.0.0-not-vendored` folder: the version lookup then never reaches the registry, and a page that really
 * imports one of them fails the build loudly (the file is missing and the fetch guard refuses the download),
 * instead of silently shipping a CDN dependency.
 *
 * Dead references to CDN hosts inside vendored code (DuckDB-Wasm's `getJsDelivrBundles()`, the extension
 * repositories compiled into its wasm) are rewritten here, so tests/build/no-cdn-test.ts can stay strict.
 *
 * Idempotent: a library is rebuilt only when its version, its dependencies' versions or this script change.
 * Usage: tsx scripts/vendor-npm.ts [sourceRoot=src]
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {copyFile, mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join, posix, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {build, type Plugin} from "esbuild";
import {CDN_HOST_PATTERN} from "./cdn-hosts.ts";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A library shipped in the npm cache. */
interface Library {
  /** npm package name, as pages write it after `npm:`. */
  name: string;
  /** Module to bundle (a package entry or a file inside it); defaults to the package itself. */
  entry?: string;
  /** Other vendored libraries this one imports; they stay external and are imported from their cached copy. */
  externals?: string[];
  /** Files copied verbatim from the package into the cache folder (same relative path). */
  files?: string[];
}

export const LIBRARIES: Library[] = [
  {name: "d3"},
  {name: "d3-dsv"}, // FileAttachment(...).csv()/.tsv(): small, so bundled on its own rather than pulling all of d3
  {name: "isoformat"},
  {name: "htl"},
  {name: "apache-arrow"},
  {name: "@observablehq/plot", externals: ["d3", "isoformat"]},
  {name: "@observablehq/inputs", externals: ["htl", "isoformat"]},
  {name: "arquero"},
  {
    name: "@duckdb/duckdb-wasm",
    entry: "@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
    externals: ["apache-arrow"],
    files: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ]
  }
];

/** Framework maps these npm: specifiers to its own bundled stdlib files; they never hit the npm cache. */
const FRAMEWORK_BUILTINS = new Set([
  "@observablehq/runtime",
  "@observablehq/stdlib",
  "@observablehq/dot",
  "@observablehq/duckdb",
  "@observablehq/mermaid",
  "@observablehq/tex",
  "@observablehq/sqlite"
]);

/** Placeholder version for libraries Framework may look up but Carnet does not ship. */
export const NOT_VENDORED = "0.0.0-not-vendored";

/**
 * Same-length replacements for CDN/extension hosts found in vendored files. Same length matters for the wasm
 * binaries (a string in a data segment). ".invalid" is a reserved TLD: a request there can never leave the machine.
 */
const HOST_REWRITES: [from: string, to: string][] = [
  ["https://cdn.jsdelivr.net/npm/", "/_npm/"], // DuckDB-Wasm getJsDelivrBundles(): never called by Framework
  ["extensions.duckdb.org", "extension-off.invalid"], // default extension repositories compiled into DuckDB-Wasm
  ["https://unpkg.com/treeflex/", "https://x.invalid/treeflex/"] // stylesheet of DuckDB's HTML query-plan renderer
];

function packageVersion(name: string): string {
  return JSON.parse(readFileSync(packageJsonPath(name), "utf8")).version;
}

function packageJsonPath(name: string): string {
  // Some packages (d3, Plot) do not export ./package.json; walk node_modules instead of require.resolve.
  for (let dir = projectRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name, "package.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`vendor-npm: package "${name}" is not installed (run npm install)`);
  }
}

/** The cache path of a library's bundle, as Framework names it: /_npm/<name>@<version>/_esm.js. */
function esmPath(name: string): string {
  return `/_npm/${name}@${packageVersion(name)}/_esm.js`;
}

/** esbuild plugin: imports of other vendored libraries become relative imports of their cached bundle. */
function externalsPlugin(library: Library): Plugin {
  const externals = library.externals ?? [];
  const from = posix.dirname(esmPath(library.name));
  return {
    name: "carnet-vendored-externals",
    setup(build) {
      build.onResolve({filter: /^[^./]/}, (args) => {
        const name = externals.find((e) => args.path === e || args.path.startsWith(`${e}/`));
        if (!name) return undefined;
        if (args.path !== name)
          throw new Error(`${library.name} imports ${args.path}: only whole-package imports of ${name} are vendored`);
        return {path: posix.relative(from, esmPath(name)), external: true};
      });
    }
  };
}

function rewriteHosts(text: string): string {
  for (const [from, to] of HOST_REWRITES) text = text.split(from).join(to);
  return text;
}

function rewriteHostsInBinary(bytes: Buffer): Buffer {
  for (const [from, to] of HOST_REWRITES) {
    if (from.length !== to.length) continue; // binaries only get same-length rewrites
    const needle = Buffer.from(from, "latin1");
    const replacement = Buffer.from(to, "latin1");
    for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + needle.length))
      replacement.copy(bytes, i);
  }
  return bytes;
}

function assertNoCdnHost(file: string, contents: string | Buffer): void {
  const text = typeof contents === "string" ? contents : contents.toString("latin1");
  const match = CDN_HOST_PATTERN.exec(text);
  if (match) {
    throw new Error(
      `vendor-npm: ${file} still references ${match[0]}; add a rewrite in scripts/vendor-npm.ts (HOST_REWRITES)`
    );
  }
}

/** What a library's cached copy depends on: when this changes, the copy is rebuilt. */
function libraryKey(library: Library, scriptHash: string): string {
  const versions = [library.name, ...(library.externals ?? [])].map((name) => `${name}@${packageVersion(name)}`);
  return createHash("sha256")
    .update(scriptHash)
    .update(JSON.stringify([library, versions]))
    .digest("hex");
}

async function vendorLibrary(npmDir: string, library: Library, key: string): Promise<boolean> {
  const version = packageVersion(library.name);
  const dir = join(npmDir, `${library.name}@${version}`);
  const stampPath = join(dir, ".carnet-vendor");
  const outputs = [join(dir, "_esm.js"), ...(library.files ?? []).map((f) => join(dir, f))];
  if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === key && outputs.every((f) => existsSync(f)))
    return false;

  await rm(dir, {recursive: true, force: true});
  await mkdir(dir, {recursive: true});
  const entry = library.entry ?? library.name;
  const result = await build({
    entryPoints: [entry], // esbuild resolves the package entry with browser conditions (Arrow.dom.mjs, not Arrow.node)
    absWorkingDir: projectRoot,
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["browser", "import", "module", "default"],
    mainFields: ["browser", "module", "main"],
    target: ["es2022", "chrome96", "firefox96", "safari16"],
    minify: true,
    legalComments: "eof",
    write: false,
    define: {"process.env.NODE_ENV": '"production"'},
    plugins: [externalsPlugin(library)],
    logLevel: "silent"
  });
  const code = rewriteHosts(result.outputFiles[0].text);
  assertNoCdnHost(`${library.name}/_esm.js`, code);
  await writeFile(join(dir, "_esm.js"), code);
  // Framework reads <name>@<version>/package.json only when resolving jsDelivr-style /npm/ imports; ship a copy.
  await copyFile(packageJsonPath(library.name), join(dir, "package.json"));
  for (const file of library.files ?? []) {
    const source = join(dirname(packageJsonPath(library.name)), file);
    const target = join(dir, file);
    await mkdir(dirname(target), {recursive: true});
    const bytes = file.endsWith(".wasm")
      ? rewriteHostsInBinary(await readFile(source))
      : Buffer.from(rewriteHosts(await readFile(source, "utf8")));
    assertNoCdnHost(`${library.name}/${file}`, bytes);
    await writeFile(target, bytes);
  }
  await writeFile(stampPath, key);
  return true;
}

/** npm: specifiers Framework's client code and implicit imports may resolve (e.g. "npm:leaflet", "npm:katex/..."). */
export function frameworkNpmNames(): string[] {
  const frameworkDist = join(dirname(packageJsonPath("@observablehq/framework")), "dist");
  const names = new Set<string>();
  const files = [
    join(frameworkDist, "libraries.js"),
    join(frameworkDist, "resolvers.js"),
    join(frameworkDist, "npm.js")
  ];
  const clientDir = join(frameworkDist, "client");
  const walk = (dir: string): void => {
    for (const entry of readdirSyncSafe(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) files.push(path);
    }
  };
  walk(clientDir);
  for (const file of files) {
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g))
      names.add(specifier);
  }
  return [...names].filter((name) => !FRAMEWORK_BUILTINS.has(name)).sort();
}

function readdirSyncSafe(dir: string) {
  return existsSync(dir) ? readdirSync(dir, {withFileTypes: true}) : [];
}

/** Removes cached versions of managed libraries other than the one vendored now (e.g. after an upgrade). */
async function pruneOtherVersions(npmDir: string, keep: Map<string, string>): Promise<void> {
  for (const [name, version] of keep) {
    const parent = join(npmDir, dirname(`${name}@x`)); // the scope folder for @scope/name
    const base = posix.basename(name);
    if (!existsSync(parent)) continue;
    for (const entry of await readdir(parent)) {
      if (entry.startsWith(`${base}@`) && entry !== `${base}@${version}`)
        await rm(join(parent, entry), {recursive: true, force: true});
    }
  }
}

export interface VendorReport {
  built: string[];
  upToDate: string[];
  placeholders: string[];
}

/** Vendors every library into `<sourceRoot>/.observablehq/cache/_npm`. */
export async function vendorNpm(sourceRoot = join(projectRoot, "src")): Promise<VendorReport> {
  const npmDir = join(sourceRoot, ".observablehq", "cache", "_npm");
  await mkdir(npmDir, {recursive: true});
  const scriptHash = createHash("sha256")
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(join(projectRoot, "scripts", "cdn-hosts.ts")))
    .digest("hex");
  const report: VendorReport = {built: [], upToDate: [], placeholders: []};
  const keep = new Map<string, string>();
  for (const library of LIBRARIES) {
    const changed = await vendorLibrary(npmDir, library, libraryKey(library, scriptHash));
    (changed ? report.built : report.upToDate).push(`${library.name}@${packageVersion(library.name)}`);
    keep.set(library.name, packageVersion(library.name));
  }
  const vendored = new Set(LIBRARIES.map((l) => l.name));
  for (const name of frameworkNpmNames()) {
    if (vendored.has(name)) continue;
    await mkdir(join(npmDir, `${name}@${NOT_VENDORED}`), {recursive: true});
    keep.set(name, NOT_VENDORED);
    report.placeholders.push(name);
  }
  await pruneOtherVersions(npmDir, keep);
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const start = performance.now();
  const root = process.argv[2] ? resolve(process.argv[2]) : undefined;
  vendorNpm(root).then(
    (report) => {
      const ms = Math.round(performance.now() - start);
      const built = report.built.length ? `built ${report.built.join(", ")}` : "all up to date";
      process.stderr.write(`vendor-npm: ${built}; ${report.placeholders.length} placeholders (${ms} ms)\n`);
    },
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    }
  );
}
