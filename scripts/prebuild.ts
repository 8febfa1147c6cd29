/**
 * Runs before `observable build` and `observable preview` (see package.json):
 *  1. fills Framework's npm cache from node_modules (scripts/vendor-npm.ts), so nothing is fetched from a CDN;
 *  2. generates the embedded default extract folder (data/extracts) when CARNET_EXTRACTS is unset and it is missing;
 *  3. prepares the delivery once (`carnet prepare`: staging, then drift's, ROI's and the value report's shared work),
 *     so the page loaders only publish what it computed instead of each redoing it;
 *  4. clears the cached data-loader outputs whose inputs changed. `observable build` reuses any cached output, and
 *     preview only compares the loader file's own time stamp, so neither notices a new extract folder, an edit of a
 *     module a loader imports, or another CARNET_EXTRACTS / CARNET_ENGINE. Each output is stamped with a digest of
 *     its loader's own inputs (scripts/loader-inputs.ts: the modules it imports, by content) and of what every
 *     loader reads (settings, secrets as digests; the extract folder; data/; package-lock.json): an edit under
 *     src/lib/roi/ re-runs the ROI loaders only, and a deleted loader's output is never served.
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, lstatSync, readFileSync, readdirSync} from "node:fs";
import {copyFile, mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {findLoaders, loaderDigest} from "./loader-inputs.ts";
import {ensurePythonEnv, PythonEnvError} from "./python-env.ts";
import {vendorNpm} from "./vendor-npm.ts";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function log(message: string): void {
  process.stderr.write(`prebuild: ${message}\n`);
}

class PrebuildError extends Error {}

/** The extract folder loaders will read: CARNET_EXTRACTS, else data/extracts (as in loaders/extracts/location.ts). */
export function configuredExtracts(env: NodeJS.ProcessEnv = process.env): {dir: string; isDefault: boolean} {
  return env.CARNET_EXTRACTS
    ? {dir: resolve(env.CARNET_EXTRACTS), isDefault: false}
    : {dir: join(projectRoot, "data", "extracts"), isDefault: true};
}

/** Runs the carnet CLI with `args`, its output on this process's stderr; resolves to its exit code. */
function runCarnet(args: string[]): Promise<number | null> {
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  return new Promise<number | null>((resolveCode, reject) => {
    const child = spawn(tsx, [join(projectRoot, "loaders", "cli", "carnet.ts"), ...args], {
      stdio: ["ignore", process.stderr, "inherit"],
      cwd: projectRoot
    });
    child.on("error", reject);
    child.on("close", resolveCode);
  });
}

/**
 * The delivery's shared work, once, before the loaders (a cluster engine too: its aggregates are fetched once).
 * A refused delivery or a memory limit too small stops the build here (carnet prepare printed the one line), rather
 * than in every loader that would try again.
 */
async function prepareDelivery(): Promise<string> {
  const out = join(projectRoot, ".carnet-cache", `prepare-${process.pid}.json`);
  await mkdir(dirname(out), {recursive: true});
  try {
    const code = await runCarnet(["prepare", "--format", "json", "--out", out]);
    if (code !== 0) throw new PrebuildError(`carnet prepare failed (exit ${code}): no site was built`);
    return (JSON.parse(await readFile(out, "utf8")) as {folder: string}).folder;
  } finally {
    await rm(out, {force: true});
  }
}

/** A page loader that only publishes a prepared file: `await publishPrepared("name")` and its import. */
const PUBLISH_ONLY = /^import \{publishPrepared\} from "[^"]+";\s*await publishPrepared\("([^"]+)"\);\s*$/;

/** The prepared file a loader's source only publishes (comment lines aside), or undefined if it does more. */
export function publishedPreparedFile(source: string): string | undefined {
  return PUBLISH_ONLY.exec(source.replace(/^\s*\/\/.*$/gm, "").trim())?.[1];
}

/**
 * The outputs of the loaders that only publish a prepared file are that file: put in Framework's cache (where
 * missing: a cached one is current, invalidateLoaderCache saw to it), they need no process of their own.
 */
async function prefillPublishedOutputs(sourceRoot: string, preparedFolder: string): Promise<void> {
  const filled: string[] = [];
  for (const loader of findLoaders(sourceRoot)) {
    const name = publishedPreparedFile(readFileSync(join(sourceRoot, loader), "utf8"));
    const cached = join(sourceRoot, ".observablehq", "cache", loader.replace(/\.[^.]+$/, ""));
    if (!name || existsSync(cached) || !existsSync(join(preparedFolder, name))) continue;
    await mkdir(dirname(cached), {recursive: true});
    await copyFile(join(preparedFolder, name), cached);
    filled.push(loader);
  }
  if (filled.length) log(`${filled.length} loader output(s) taken from the prepared delivery`);
}

async function ensureExtracts(): Promise<void> {
  const {dir, isDefault} = configuredExtracts();
  if (existsSync(dir)) return;
  if (!isDefault) throw new PrebuildError(`CARNET_EXTRACTS=${process.env.CARNET_EXTRACTS}: extract folder not found`);
  // Generate beside the target, then rename: an interrupted run never leaves a half-written data/extracts.
  const temporary = join(dirname(dir), `.extracts-${process.pid}`);
  await rm(temporary, {recursive: true, force: true});
  log("generating the default synthetic extracts in data/extracts (once)");
  const code = await runCarnet(["generate", "--out", temporary]);
  if (code !== 0) {
    await rm(temporary, {recursive: true, force: true});
    throw new PrebuildError(`carnet generate failed (exit ${code}); data/extracts was not created`);
  }
  await rename(temporary, dir);
}

/** Names, sizes and modification times of every file and folder under `path` (symbolic links are not followed). */
function listTree(path: string, accept: (relativePath: string) => boolean = () => true): string[] {
  const lines: string[] = [];
  const visit = (current: string): void => {
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      return; // vanished while we looked
    }
    const rel = relative(projectRoot, current);
    if (!accept(rel)) return;
    lines.push(`${rel}\t${stat.isDirectory() ? "d" : stat.size}\t${stat.mtimeMs}`);
    if (stat.isDirectory()) for (const entry of readdirSync(current).sort()) visit(join(current, entry));
  };
  if (existsSync(path)) visit(path);
  return lines;
}

const SECRET = /KEY|SECRET|PASSWORD|TOKEN/i;

/** CARNET_* settings that change loader outputs; secrets only as a short digest, never in clear. */
export function settingsFingerprint(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith("CARNET_") && name !== "CARNET_ALLOW_NETWORK")
    .sort()
    .map((name) => {
      const value = String(env[name]);
      const shown =
        SECRET.test(name) || /\/\/[^/]*@/.test(value)
          ? `sha256:${createHash("sha256").update(`carnet-stamp\n${value}`).digest("hex").slice(0, 12)}`
          : value;
      return `${name}=${shown}`;
    });
}

/** One line per page: its path and a digest of its front matter. */
function pageFrontMatters(sourceRoot: string): string[] {
  const pages = readdirSync(sourceRoot, {recursive: true})
    .map(String)
    .filter((rel) => rel.endsWith(".md") && !rel.split("/").includes(".observablehq"))
    .sort();
  return pages.map((rel) => {
    const text = readFileSync(join(sourceRoot, rel), "utf8");
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    return `page ${rel} ${createHash("sha256").update(front).digest("hex").slice(0, 16)}`;
  });
}

/** What every loader may read: CARNET_* settings, the extract folder, data/ and the installed packages. */
export function sharedInputsFingerprint(env: NodeJS.ProcessEnv = process.env): string {
  const {dir: extracts} = configuredExtracts(env);
  const dataDir = join(projectRoot, "data");
  const lines = [
    ...settingsFingerprint(env),
    `extracts=${extracts}`,
    ...listTree(dataDir),
    ...(relative(dataDir, extracts).startsWith("..") ? listTree(extracts) : []),
    ...listTree(join(projectRoot, "package-lock.json"))
  ];
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

/** For each loader's output (path in Framework's cache): its loader and a digest of everything it depends on. */
export function loaderStamps(sourceRoot: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const shared = sharedInputsFingerprint(env);
  let frontMatters: string | undefined;
  const pages = () => (frontMatters ??= pageFrontMatters(sourceRoot).join("\n"));
  const stamps: Record<string, string> = {};
  for (const loader of findLoaders(sourceRoot)) {
    const output = loader.replace(/\.[^.]+$/, "");
    const own = loaderDigest(projectRoot, sourceRoot, loader, pages);
    stamps[output] = `${loader} ${createHash("sha256").update(`${shared}\n${own}`).digest("hex").slice(0, 16)}`;
  }
  return stamps;
}

/** Cached loader outputs (files under the cache but Framework's and our own `_` folders), relative to it. */
function cachedOutputs(cacheDir: string): string[] {
  if (!existsSync(cacheDir)) return [];
  return readdirSync(cacheDir, {recursive: true})
    .map(String)
    .filter((rel) => !rel.startsWith("_") && lstatSync(join(cacheDir, rel)).isFile());
}

/**
 * Clears the cached outputs whose loader's inputs changed since they were made, and those whose loader is gone
 * (or was replaced by a loader in another language), so neither the build nor the preview serves them.
 */
export async function invalidateLoaderCache(sourceRoot: string): Promise<string[]> {
  const cacheDir = join(sourceRoot, ".observablehq", "cache");
  const stampPath = join(cacheDir, "_carnet", "loaders.json");
  const stamps = loaderStamps(sourceRoot);
  const previous: Record<string, string> = existsSync(stampPath)
    ? ((JSON.parse(await readFile(stampPath, "utf8")) as {outputs?: Record<string, string>}).outputs ?? {})
    : {};
  const stale = cachedOutputs(cacheDir).filter((output) => !stamps[output] || stamps[output] !== previous[output]);
  for (const output of stale) await rm(join(cacheDir, output), {force: true});
  if (stale.length) log(`inputs changed for ${stale.length} cached loader output(s), cleared: ${stale.join(", ")}`);
  await mkdir(dirname(stampPath), {recursive: true});
  await writeFile(stampPath, JSON.stringify({settings: settingsFingerprint(), outputs: stamps}, null, 2));
  // The loaders whose inputs changed since the last stamps, whether or not an output was cached.
  return Object.keys(stamps)
    .filter((output) => stamps[output] !== previous[output])
    .map((output) => stamps[output].split(" ")[0]);
}

/**
 * What loaders in other languages need: the manifest of the governed tables at CARNET_TABLES (the shape of
 * `carnet tables --format json`) and, for Python loaders, the project's virtual environment.
 */
async function prepareOtherLanguages(sourceRoot: string): Promise<void> {
  const loaders = findLoaders(sourceRoot);
  if (!loaders.some((l) => /\.(py|R)$/.test(l))) return;
  if (loaders.some((l) => l.endsWith(".py"))) {
    try {
      ensurePythonEnv(projectRoot, log);
    } catch (error) {
      if (error instanceof PythonEnvError) throw new PrebuildError(`the Python environment: ${error.message}`);
      throw error;
    }
  }
  const target = process.env.CARNET_TABLES;
  if (!target) return;
  await mkdir(dirname(target), {recursive: true});
  const code = await runCarnet(["tables", "--format", "json", "--out", target]);
  if (code !== 0) throw new PrebuildError(`carnet tables failed (exit ${code})`);
}

export async function prebuild(sourceRoot = join(projectRoot, "src")): Promise<void> {
  const report = await vendorNpm(sourceRoot);
  if (report.built.length) log(`vendored ${report.built.join(", ")}`);
  await ensureExtracts();
  const prepared = await prepareDelivery();
  await prepareOtherLanguages(sourceRoot);
  await invalidateLoaderCache(sourceRoot);
  await prefillPublishedOutputs(sourceRoot, prepared);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  prebuild().catch((error: Error) => {
    process.stderr.write(`prebuild: ${error.message}\n`);
    if (!(error instanceof PrebuildError)) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof PrebuildError ? 2 : 1;
  });
}
