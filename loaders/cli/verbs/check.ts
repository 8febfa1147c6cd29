import {existsSync} from "node:fs";
import {join} from "node:path";
import {extractsDir} from "../../extracts/location.ts";
import {openExtracts} from "../../extracts/open.ts";
import {readRejects, type Accounting} from "../../extracts/stage.ts";
import type {Reject} from "../../extracts/stage.ts";
import type {FileAccounting} from "../../extracts/validate.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary = "Validate an extract folder and print rows read / accepted / rejected per file";
export const help = `
Usage: npm run --silent carnet -- check [--extracts DIR] [--format text|json]

Reads every file of the extract folder (default: $CARNET_EXTRACTS, else data/extracts) as the loaders do,
checks it against the data contract and prints, per file, rows read = rows accepted + rows rejected, then
every rejected row with its file, line, column and reason. Detector runs ($CARNET_RUNS, else
<extracts>/detector-runs) are checked too.

  --extracts DIR   extract folder to check
  --format F       text (default, for people) or json: {"files": [...], "rejects": [...]}

Exit status: 0 when the folder is loadable (even with rejected rows), 2 on a fatal problem
(missing file or column, undecodable file), printed as one line.
`;

/** Detector runs are checked by the detectors library when it is present. */
async function detectorAccounting(dir: string): Promise<Accounting> {
  const runs = process.env.CARNET_RUNS ?? join(dir, "detector-runs");
  const module = join(import.meta.dirname, "../../detectors/check.ts");
  if (!existsSync(runs) || !existsSync(module)) return {files: [], rejects: []};
  const {checkDetectorRuns} = (await import(module)) as {checkDetectorRuns(dir: string): Promise<Accounting>};
  return checkDetectorRuns(runs);
}

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("check", argv, {extracts: {type: "string"}, format: {type: "string"}});
  const format = formatFlag("check", values.format, ["text", "json"] as const);
  const dir = values.extracts ?? extractsDir();
  const extracts = await openExtracts(dir);
  const rejects = await readRejects(extracts.engine as Parameters<typeof readRejects>[0]);
  await extracts.engine.close();
  const detectors = await detectorAccounting(extracts.dir);
  const files = [...extracts.accounting.files, ...detectors.files];
  const all = [...rejects, ...detectors.rejects];
  if (format === "json") writeJson({files, rejects: all});
  else process.stdout.write(textReport(extracts.dir, files, all));
  return 0;
}

function textReport(dir: string, files: FileAccounting[], rejects: Reject[]): string {
  const width = Math.max(4, ...files.map((f) => f.file.length));
  const number = (n: number) => n.toLocaleString("en-US").padStart(12);
  const lines = [
    `Extract folder: ${dir}`,
    "",
    `${"file".padEnd(width)}  ${"read".padStart(12)}  ${"accepted".padStart(12)}  ${"rejected".padStart(12)}`
  ];
  for (const f of files)
    lines.push(
      `${f.file.padEnd(width)}  ${number(f.rows_read)}  ${number(f.rows_accepted)}  ${number(f.rows_rejected)}`
    );
  lines.push("");
  if (!rejects.length) lines.push("No rejected rows.");
  else {
    lines.push(`${rejects.length} rejected row${rejects.length > 1 ? "s" : ""}:`);
    for (const r of rejects)
      lines.push(`  ${r.file}${r.line === null ? "" : `:${r.line}`}${r.column ? ` [${r.column}]` : ""}: ${r.reason}`);
  }
  return lines.join("\n") + "\n";
}
