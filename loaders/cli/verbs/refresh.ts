import {CarnetError} from "../../errors.ts";
import {defaultPublishDir} from "../../run/deliveries.ts";
import {refresh} from "../../run/refresh.ts";
import {numberFlag, parseVerbArgs} from "../args.ts";

export const summary = "Take a delivery through to a published site: check, stage, prepare, build, compare, publish";
export const help = `
Usage: npm run --silent carnet -- refresh --extracts DIR [--publish DIR] [--keep N] [--if-changed] [--notify CMD]

The monthly scenario a scheduler runs. Steps, each timed on stderr: check (the contract's files are there; the
delivery's fingerprint, a digest of its bytes) -> stage (validation, pseudonymisation) -> prepare -> build the site
into a new folder -> compare with the previously published delivery -> publish.

  --extracts DIR   the delivery (extract folder) to publish
  --publish DIR    publish folder (default: $CARNET_PUBLISH, else published/ in the project); it holds
                     current                      link to the published site (serve this folder)
                     deliveries/<snapshot>-<fingerprint>/{site/, figures.json, delivery.json}
                     runs.jsonl                   one JSON line per run
                     logs/<run_id>.log            each build's output
  --keep N         deliveries kept (default 12; the published one always is)
  --if-changed     do nothing (exit 0) when the delivery's fingerprint is the published delivery's
  --notify CMD     after a run that published new alerts, or was refused, or failed: run CMD with the shell,
                   the run's JSON record (as in runs.jsonl) on its standard input

Publishing switches \`current\` with one rename: whatever fails or is killed, \`current\` still serves the previous
complete site, and the next run removes what a dead run left (its lock, its build, its half-built folder).

Exit status: 0 published, or nothing to do; 2 the delivery was refused (one line naming the file and the problem;
nothing published); 1 an internal failure (a failed build, another refresh running on the same folder).
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("refresh", argv, {
    extracts: {type: "string"},
    publish: {type: "string"},
    keep: {type: "string"},
    "if-changed": {type: "boolean"},
    notify: {type: "string"}
  });
  if (!values.extracts) throw new CarnetError("carnet refresh: --extracts DIR is required (the delivery to publish)");
  const keep = numberFlag("refresh", "keep", values.keep, 12);
  if (!Number.isInteger(keep) || keep < 1)
    throw new CarnetError(`carnet refresh: --keep expects a whole number >= 1, got "${values.keep}"`);
  const {code, record} = await refresh({
    extracts: values.extracts,
    publish: values.publish ?? defaultPublishDir(),
    keep,
    ifChanged: values["if-changed"] ?? false,
    notify: values.notify,
    log: (message) => process.stderr.write(`refresh: ${message}\n`)
  });
  if (record.status === "refused") process.stderr.write(`carnet refresh: delivery refused: ${record.error}\n`);
  else if (record.status === "failed") {
    const step = record.steps.find((s) => s.status === "failed")?.name;
    process.stderr.write(`carnet refresh: failed${step ? ` in step ${step}` : ""}: ${record.error}\n`);
  }
  return code;
}
