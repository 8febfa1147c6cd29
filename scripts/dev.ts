/**
 * `npm run dev`: the prebuild, then Framework's preview, and a watcher that makes the preview follow the author.
 * Framework re-runs a loader only when the loader file itself changes; an edit of a module it imports (loaders/,
 * src/lib/), of the Python or R helpers (python/, R/) or of the SQL interpreter would otherwise go unseen until a
 * restart. On such an edit the watcher recomputes each loader's input digest (scripts/loader-inputs.ts, as the
 * prebuild does), clears the cached outputs whose inputs changed and touches their loaders: the preview re-runs
 * exactly those and reloads the pages that read them.
 */
import {spawn} from "node:child_process";
import {watch, utimesSync, existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {invalidateLoaderCache, prebuild} from "./prebuild.ts";

const root = resolve(import.meta.dirname, "..");
const sourceRoot = join(root, "src");
const WATCHED = ["loaders", "python", "R", "scripts/sql-loader.ts", "src/lib"];

function say(message: string): void {
  process.stderr.write(`dev: ${message}\n`);
}

/** Clears the stale cached outputs and touches their loaders; returns the loaders it touched. */
export async function followEdits(source = sourceRoot): Promise<string[]> {
  const changed = await invalidateLoaderCache(source);
  const now = new Date();
  for (const loader of changed) utimesSync(join(source, loader), now, now);
  return changed;
}

async function main(): Promise<void> {
  await prebuild(sourceRoot);
  const preview = spawn(join(root, "node_modules/.bin/observable"), ["preview", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit"
  });
  let timer: NodeJS.Timeout | undefined;
  const changedSoon = (file: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      followEdits().then(
        (loaders) => loaders.length && say(`${file} changed: re-running ${loaders.map((l) => `src/${l}`).join(", ")}`),
        (error: Error) => say(`could not follow ${file}: ${error.message}`)
      );
    }, 300);
  };
  const watchers = WATCHED.map((rel) => join(root, rel))
    .filter(existsSync)
    .map((path) =>
      watch(path, {recursive: true}, (_event, name) => {
        if (name && !String(name).includes("__pycache__")) changedSoon(join(path, String(name)).slice(root.length + 1));
      })
    );
  preview.on("exit", (code) => {
    for (const w of watchers) w.close();
    process.exit(code ?? 0);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: Error) => {
    say(error.message);
    process.exitCode = 2;
  });
}
