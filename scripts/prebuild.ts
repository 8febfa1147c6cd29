/**
 * Runs before `observable build` and `observable preview` (see package.json):
 *  1. fills Framework's npm cache from node_modules (scripts/vendor-npm.ts), so nothing is fetched from a CDN;
 *  2. generates the embedded default extract folder (data/extracts) when CARNET_EXTRACTS is unset and it is missing;
 *  3. clears Framework's cached data-loader outputs when their inputs changed. `observable build` reuses any cached
 *     output ("[using stale]"), and preview only compares the loader file's own time stamp, so neither notices a
 *     new extract folder, an edit under loaders/, or another CARNET_EXTRACTS / CARNET_ENGINE. We fingerprint those
 *     inputs (names, sizes and times of files; CARNET_* settings, secrets as digests) and clear the cache when the
 *     fingerprint differs from the one recorded with it.
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, lstatSync, readFileSync, readdirSync} from "node:fs";
import {mkdir, readFile, readdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
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

async function ensureExtracts(): Promise<void> {
  const {dir, isDefault} = configuredExtracts();
  if (existsSync(dir)) return;
  if (!isDefault) throw new PrebuildError(`CARNET_EXTRACTS=${process.env.CARNET_EXTRACTS}: extract folder not found`);
  // Generate beside the target, then rename: an interrupted run never leaves a half-written data/extracts.
  const temporary = join(dirname(dir), `.extracts-${process.pid}`);
  await rm(temporary, {recursive: true, force: true});
  log("generating the default synthetic extracts in data/extracts (once)");
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  const code = await new Promise<number | null>((resolveCode, reject) => {
    const child = spawn(tsx, [join(projectRoot, "loaders", "cli", "carnet.ts"), "generate", "--out", temporary], {
      stdio: "inherit",
      cwd: projectRoot
    });
    child.on("error", reject);
    child.on("close", resolveCode);
  });
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

/** Everything a data loader's output may depend on. */
export function loaderInputsFingerprint(sourceRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const {dir: extracts} = configuredExtracts(env);
  const dataDir = join(projectRoot, "data");
  const lines = [
    ...settingsFingerprint(env),
    `extracts=${extracts}`,
    ...listTree(join(projectRoot, "loaders")),
    ...listTree(join(projectRoot, "scripts")),
    ...listTree(dataDir),
    ...(relative(dataDir, extracts).startsWith("..") ? listTree(extracts) : []),
    ...listTree(join(projectRoot, "package-lock.json")),
    // Loader scripts and static files of the source root; of pages (.md) only the front matter feeds loaders
    // (the catalog, the provenance footer), so editing a page's text does not recompute every loader.
    ...listTree(sourceRoot, (rel) => !rel.split("/").includes(".observablehq") && !rel.endsWith(".md")),
    ...pageFrontMatters(sourceRoot)
  ];
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

/** Removes cached loader outputs (everything in the cache but Framework's and our own `_` folders). */
async function clearLoaderOutputs(cacheDir: string): Promise<number> {
  let removed = 0;
  for (const entry of existsSync(cacheDir) ? await readdir(cacheDir) : []) {
    if (entry.startsWith("_")) continue;
    await rm(join(cacheDir, entry), {recursive: true, force: true});
    removed++;
  }
  return removed;
}

async function invalidateLoaderCache(sourceRoot: string): Promise<void> {
  const cacheDir = join(sourceRoot, ".observablehq", "cache");
  const stampPath = join(cacheDir, "_carnet", "loaders.json");
  const fingerprint = loaderInputsFingerprint(sourceRoot);
  const previous = existsSync(stampPath)
    ? (JSON.parse(await readFile(stampPath, "utf8")) as {fingerprint?: string}).fingerprint
    : undefined;
  if (previous === fingerprint) return;
  const removed = await clearLoaderOutputs(cacheDir);
  if (removed) log("loader inputs changed (extracts, loaders/, settings): cleared cached loader outputs");
  await mkdir(dirname(stampPath), {recursive: true});
  await writeFile(stampPath, JSON.stringify({fingerprint, settings: settingsFingerprint()}, null, 2));
}

export async function prebuild(sourceRoot = join(projectRoot, "src")): Promise<void> {
  const report = await vendorNpm(sourceRoot);
  if (report.built.length) log(`vendored ${report.built.join(", ")}`);
  await ensureExtracts();
  await invalidateLoaderCache(sourceRoot);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  prebuild().catch((error: Error) => {
    process.stderr.write(`prebuild: ${error.message}\n`);
    if (!(error instanceof PrebuildError)) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof PrebuildError ? 2 : 1;
  });
}
