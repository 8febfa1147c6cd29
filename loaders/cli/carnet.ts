/**
 * `carnet`: the headless face of Carnet's loaders, for scheduled jobs and other tools.
 * Usage: npm run --silent carnet -- <verb> [flags]. Each verb lives in ./verbs/<verb>.ts and exports
 * `summary` (one line), `help` (full usage) and `run(argv)` returning an exit code.
 * Machine output goes to stdout, messages to stderr; a user's mistake prints one line and exits 2.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {isCarnetError} from "../errors.ts";

export interface Verb {
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

const verbs = [
  "generate",
  "check",
  "prepare",
  "tables",
  "query",
  "loader",
  "drift",
  "roi",
  "detectors",
  "new",
  "report",
  "ingest",
  "refresh",
  "runs",
  "diff",
  "monitor"
] as const;
const here = dirname(fileURLToPath(import.meta.url));

async function loadVerb(name: string): Promise<Verb | undefined> {
  const file = join(here, "verbs", `${name}.ts`);
  if (!verbs.includes(name as (typeof verbs)[number]) || !existsSync(file)) return undefined;
  return (await import(file)) as Verb;
}

async function usage(): Promise<string> {
  const lines = ["Usage: npm run --silent carnet -- <verb> [flags]", "", "Verbs:"];
  for (const name of verbs) {
    const verb = await loadVerb(name);
    if (verb) lines.push(`  ${name.padEnd(10)} ${verb.summary}`);
  }
  lines.push("", "Run `carnet <verb> --help` for a verb's flags.");
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write((await usage()) + "\n");
    return name ? 0 : 2;
  }
  const verb = await loadVerb(name);
  if (!verb) {
    process.stderr.write(`carnet: unknown verb "${name}"; expected one of: ${verbs.join(", ")}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(verb.help.trim() + "\n");
    return 0;
  }
  return verb.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (isCarnetError(error)) {
      process.stderr.write(`${error.message.startsWith("carnet") ? "" : "carnet: "}${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`carnet: internal error (please report): ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = 1;
    }
  }
);
