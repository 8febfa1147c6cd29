import {currentDelivery, defaultPublishDir} from "../../run/deliveries.ts";
import {readRuns} from "../../run/history.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary = "The refresh history of a publish folder: every run, its steps, status and counts";
export const help = `
Usage: npm run --silent carnet -- runs [--publish DIR] [--format text|json]

Prints the publish folder's runs.jsonl (see \`carnet refresh --help\`), oldest first.

  --publish DIR    publish folder (default: $CARNET_PUBLISH, else published/ in the project)
  --format F       text (default): one line per run; json: {"current": name|null, "runs": [...]}, each run as in runs.jsonl
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("runs", argv, {publish: {type: "string"}, format: {type: "string"}});
  const format = formatFlag("runs", values.format, ["text", "json"] as const);
  const dir = values.publish ?? defaultPublishDir();
  const runs = readRuns(dir);
  const current = currentDelivery(dir);
  if (format === "json") {
    writeJson({current, runs});
    return 0;
  }
  const lines = [`Publish folder: ${dir} (current: ${current ?? "nothing published"})`];
  if (!runs.length) lines.push("No run yet.");
  for (const r of runs) {
    const seconds = r.ended_at ? ((Date.parse(r.ended_at) - Date.parse(r.started_at)) / 1000).toFixed(0) : "?";
    const alerts = r.alerts
      ? `, alerts ${r.alerts.new} new/${r.alerts.continuing} continuing/${r.alerts.closed} closed`
      : "";
    lines.push(
      `${r.run_id}  ${r.status.padEnd(9)} ${seconds.padStart(5)} s  ${r.delivery ?? "-"}${alerts}${r.error ? `  error: ${r.error}` : ""}`
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
