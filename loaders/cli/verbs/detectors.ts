import {runsDir} from "../../detectors/location.ts";
import {RECORD_COLUMNS, runRecord} from "../../detectors/records.ts";
import {readDetectorRuns} from "../../detectors/runs.ts";
import {CarnetError} from "../../errors.ts";
import {progress, progressDone, warn} from "../../progress.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeCsv, writeJson} from "../output.ts";

export const summary = "Metrics of every detector run (AUC, average precision, precision/recall/F1 at the decision)";
export const help = `
Usage: npm run --silent carnet -- detectors [--runs DIR] [--format json|csv]

Reads every run folder of the detector-runs folder (manifest.json + predictions.csv), validates them against
the data contract and prints one record per accepted run, oldest and newest alike:
  ${RECORD_COLUMNS.join(", ")}
Numbers are unrounded; a metric that is undefined on the data (AUC without forged or without genuine
documents, precision when nothing is flagged...) is null (empty in CSV). Decisions come from the
predictions' decision column, else score >= the manifest threshold.

  --runs DIR     runs folder (default: $CARNET_RUNS, else <extract folder>/detector-runs,
                 the extract folder being $CARNET_EXTRACTS, else data/extracts)
  --format F     json (default: an array of records) or csv

Problems (invalid manifests, rejected prediction rows) are printed on stderr as warnings, one per line
with file, line and column; \`carnet check\` reports them too. Exit status 2 when the folder does not exist.
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("detectors", argv, {runs: {type: "string"}, format: {type: "string"}});
  const format = formatFlag("detectors", values.format, ["json", "csv"] as const);
  const dir = runsDir(values.runs);
  const result = await readDetectorRuns(dir, {
    onRun: (i, total, folder) => progress(`detectors: run ${i + 1}/${total} ${folder}`)
  });
  progressDone();
  if (!result.runs.length && !result.rejected.length && result.problems.length) {
    throw new CarnetError(`detectors: ${result.problems[0].reason} (use --runs DIR or set CARNET_RUNS)`);
  }
  for (const p of result.problems)
    warn(`${p.file}${p.line === null ? "" : `:${p.line}`}${p.column ? ` [${p.column}]` : ""}: ${p.reason}`);
  if (result.rejected.length)
    warn(
      `${result.rejected.length} run${result.rejected.length > 1 ? "s" : ""} rejected: ${result.rejected.map((r) => r.folder).join(", ")}`
    );
  const records = result.runs.map(runRecord);
  if (format === "csv") writeCsv(records, [...RECORD_COLUMNS]);
  else writeJson(records);
  return 0;
}
