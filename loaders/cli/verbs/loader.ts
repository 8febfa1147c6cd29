import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join, relative, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {csvParse} from "d3";
import {CarnetError} from "../../errors.ts";
import {projectRoot} from "../../extracts/location.ts";
import {DUCKDB_ERROR, oneLineSqlError} from "../../query/sql-error.ts";
import {parseVerbArgs} from "../args.ts";

export const summary = "Run one data loader of any language outside the build and show what it wrote";
export const help = `
Usage: npm run --silent carnet -- loader run src/<path>/<name>.<ext>.<ts|js|py|R|sql> [--out FILE] [--rows N]

Runs the loader as the build does (same interpreter: tsx, the project's .venv Python, Rscript, DuckDB for SQL;
same environment: CARNET_HOME, CARNET_TABLES, the network guards) and prints what it wrote: the format, its rows
and columns (JSON arrays, CSV, Arrow) or size, the first rows, the time it took and what it said on stderr.
A notebook-like place to debug one analysis without building the site.

  --out FILE   also keep the output in FILE
  --rows N     how many first rows to show (default 5)

Exit status: 0 when the loader succeeded; 2 when it failed, with one line naming the loader and the language's
own message (Python's last traceback line, R's error, DuckDB's message with line and column).
`;

const INTERPRETERS: Record<string, (root: string, file: string) => [string, string[]]> = {
  ".ts": (root, file) => [join(root, "node_modules/.bin/tsx"), [file]],
  ".js": (root, file) => [join(root, "node_modules/.bin/tsx"), [file]],
  ".py": (root, file) => [join(root, ".venv/bin/python"), [file]],
  ".R": (_root, file) => ["Rscript", [file]],
  ".sql": (root, file) => [join(root, "node_modules/.bin/tsx"), [join(root, "scripts/sql-loader.ts"), file]]
};

export async function run(argv: string[]): Promise<number> {
  const {values, positionals} = parseVerbArgs("loader", argv, {out: {type: "string"}, rows: {type: "string"}}, true);
  const [action, target] = positionals;
  if (action !== "run" || !target) throw new CarnetError("carnet loader: expected `loader run <file>` (see --help)");
  const root = projectRoot;
  const file = resolve(target);
  if (!existsSync(file)) throw new CarnetError(`carnet loader: ${target}: no such file`);
  const extension = /\.(ts|js|py|R|sql)$/.exec(file)?.[0];
  if (!extension || !/\.[a-z]+\.(ts|js|py|R|sql)$/.test(file))
    throw new CarnetError(
      `carnet loader: ${target}: expected a loader named <name>.<json|csv|arrow|...>.<ts|js|py|R|sql>`
    );
  if (extension === ".py" && !existsSync(join(root, ".venv/bin/python")))
    throw new CarnetError(
      "carnet loader: the Python environment .venv is missing; run `npm run build` once to make it"
    );
  const [command, args] = INTERPRETERS[extension](root, file);
  // Python reads the manifest of the delivery's tables: made afresh for CARNET_EXTRACTS unless one is given, as
  // the build does, so a manifest left by a build of another delivery is never read.
  const manifest = process.env.CARNET_TABLES ?? (extension === ".py" ? freshManifest(root) : undefined);
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: root,
    env: {
      ...process.env,
      CARNET_HOME: root,
      ...(manifest ? {CARNET_TABLES: manifest} : {}),
      PYTHONPATH: [join(root, "python"), process.env.PYTHONPATH].filter(Boolean).join(":"),
      R_PROFILE_USER: join(root, "R", "rprofile.R"),
      NODE_OPTIONS: `--require ${join(root, "scripts/no-network.cjs")} ${process.env.NODE_OPTIONS ?? ""}`.trim()
    },
    maxBuffer: 1 << 30
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = (result.stderr ?? Buffer.alloc(0)).toString("utf8");
  const name = relative(root, file);
  if (result.status !== 0) throw new CarnetError(`${name}: ${failureLine(extension, stderr, result.status, file)}`);
  const output = result.stdout ?? Buffer.alloc(0);
  if (values.out) writeFileSync(values.out, output);
  const shown = Number(values.rows ?? 5);
  const lines = [
    `${name}: wrote ${basename(file).replace(/\.[^.]+$/, "")} in ${seconds.toFixed(2)} s`,
    ...describe(file, output, shown)
  ];
  const said = stderr.split("\n").filter((l) => l.trim());
  if (said.length) lines.push("stderr:", ...said.map((l) => `  ${l}`));
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** The language's own message: Python's last traceback line, R's "Error" line, DuckDB's one line, else the last line. */
function failureLine(extension: string, stderr: string, status: number | null, file: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("carnet: warning"));
  const language = {".py": "Python", ".R": "R", ".sql": "SQL", ".ts": "TypeScript", ".js": "JavaScript"}[extension];
  let line = lines.at(-1);
  if (extension === ".R") line = lines.find((l) => l.startsWith("Error")) ?? line;
  if (extension === ".py") line = pythonException(stderr) ?? line;
  if (extension === ".sql")
    line = lines.find((l) => l.startsWith("sql-loader: "))?.replace(/^sql-loader: [^:]+: /, "") ?? line;
  if (extension === ".ts" || extension === ".js")
    line = lines.find((l) => l.startsWith("carnet: ")) ?? javascriptError(lines, file) ?? line;
  return `${language} loader failed (exit ${status}): ${line ?? "no message"}`;
}

/** What the output holds: format, rows and columns where it is a table, the first rows. */
function describe(file: string, output: Buffer, shown: number): string[] {
  const format = /\.([a-z]+)\.[^.]+$/.exec(file)?.[1] ?? "";
  const table = (rows: Record<string, unknown>[], columns: string[]) => [
    `${format}: ${rows.length.toLocaleString("en-US")} rows x ${columns.length} columns (${columns.join(", ")})`,
    ...rows.slice(0, shown).map((row) => `  ${JSON.stringify(row)}`)
  ];
  if (format === "json") {
    const value = JSON.parse(output.toString("utf8")) as unknown;
    if (Array.isArray(value)) return table(value as Record<string, unknown>[], Object.keys(value[0] ?? {}));
    return [
      `json: an object with keys ${Object.keys(value as object).join(", ")} (${output.length.toLocaleString("en-US")} bytes)`
    ];
  }
  if (format === "csv") {
    const rows = csvParse(output.toString("utf8"));
    return table(rows, rows.columns);
  }
  if (format === "arrow") {
    const arrow = tableFromIPC(output);
    const rows = arrow
      .toArray()
      .slice(0, shown)
      .map((r) => r.toJSON() as Record<string, unknown>);
    return [
      `arrow: ${arrow.numRows.toLocaleString("en-US")} rows x ${arrow.numCols} columns (${arrow.schema.fields.map((f) => `${f.name} ${f.type}`).join(", ")})`,
      ...rows.map((row) => `  ${JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}`)
    ];
  }
  return [`${format || "output"}: ${output.length.toLocaleString("en-US")} bytes`];
}

/** The manifest of CARNET_EXTRACTS's staged tables (`carnet tables`), in a temporary file removed at exit. */
function freshManifest(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), "carnet-tables-"));
  process.on("exit", () => rmSync(dir, {recursive: true, force: true}));
  const out = join(dir, "tables.json");
  const made = spawnSync(
    join(root, "node_modules/.bin/tsx"),
    [join(root, "loaders/cli/carnet.ts"), "tables", "--format", "json", "--out", out],
    {cwd: root, encoding: "utf8"}
  );
  if (made.status !== 0)
    throw new CarnetError(made.stderr.trim().split("\n").at(-1) ?? `carnet tables failed (exit ${made.status})`);
  return out;
}

/**
 * Python's exception line ("ValueError: ...", "_duckdb.BinderException: ..."), the traceback's last frame being
 * above it; a DuckDB message continues over several lines ("LINE 1: ..." and a caret), said as its line and column.
 */
function pythonException(stderr: string): string | undefined {
  const lines = stderr.split("\n");
  const exception = /^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b/;
  const at = lines.length - 1 - [...lines].reverse().findIndex((l) => exception.test(l));
  if (at >= lines.length) return undefined;
  const [name, message] = [
    lines[at].slice(0, lines[at].indexOf(":")),
    lines[at].slice(lines[at].indexOf(":") + 1).trim()
  ];
  if (!DUCKDB_ERROR.test(message)) return lines[at].trim();
  return `${name}: ${oneLineSqlError([message, ...lines.slice(at + 1)].join("\n"))}`;
}

/** Node's uncaught error ("Error: ...", "TypeError: ..."), with the loader's line from the stack when it is there. */
function javascriptError(lines: string[], file: string): string | undefined {
  const at = lines.findIndex((l) => /^[A-Za-z]*(Error|Exception)\b/.test(l));
  if (at < 0) return undefined;
  const frame = lines.slice(at + 1).find((l) => l.startsWith("at ") && l.includes(`${basename(file)}:`));
  const where = frame ? /:(\d+):\d+\)?$/.exec(frame)?.[1] : undefined;
  return where ? `${lines[at]} (line ${where})` : lines[at];
}
