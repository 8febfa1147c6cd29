import {CarnetError} from "../../errors.ts";
import {extractsDir} from "../../extracts/location.ts";
import {compareFigures, type Changes} from "../../run/compare.ts";
import {figuresOfFolder} from "../../run/delivery-figures.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary =
  "What changed between two deliveries: alerts new/continuing/closed, A/E moves, detectors, rejects";
export const help = `
Usage: npm run --silent carnet -- diff --previous DIR [--extracts DIR] [--format text|json]

Compares the key figures of two deliveries, as the refresh's compare step and the home page do: drift alerts new,
continuing or closed (by dimension and segment), the segments whose A/E over the window moved most, the expertise
targeting optimum of each model version, detector cells whose metrics changed, files whose rejected rows grew. Each
DIR is an extract folder (staged and prepared when needed) or a published delivery folder
(<publish>/deliveries/<name>, its stored figures.json).

  --previous DIR   the earlier delivery
  --extracts DIR   the later one (default: $CARNET_EXTRACTS, else data/extracts)
  --format F       text (default) or json: {"previous", "alerts": {new, continuing, closed}, "feed", "moved",
                   "roi", "detectors", "rejects"}

Exit status: 0, or 2 with one line when a folder cannot be read.
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("diff", argv, {
    previous: {type: "string"},
    extracts: {type: "string"},
    format: {type: "string"}
  });
  const format = formatFlag("diff", values.format, ["text", "json"] as const);
  if (!values.previous) throw new CarnetError("carnet diff: --previous DIR is required (the earlier delivery)");
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const previous = await figuresOfFolder(values.previous, log);
  const current = await figuresOfFolder(values.extracts ?? extractsDir(), log);
  const changes = compareFigures(current, previous);
  if (format === "json") writeJson(changes);
  else process.stdout.write(textReport(changes, current.snapshot_date));
  return 0;
}

function textReport(changes: Changes, snapshot: string): string {
  const {alerts} = changes;
  const lines = [
    `Delivery of ${snapshot || "(undated)"} compared with ${changes.previous ?? "(figures of another Carnet version: not compared)"}`,
    `Alerts: ${alerts.new} new, ${alerts.continuing} continuing, ${alerts.closed} closed`
  ];
  for (const a of changes.feed.filter((x) => x.status !== "continuing"))
    lines.push(`  ${a.status.padEnd(10)} ${a.dimension} ${a.segment} (onset ${a.onset}${a.masked ? ", masked" : ""})`);
  if (changes.moved.length) lines.push("A/E over the window, largest moves:");
  for (const m of changes.moved)
    lines.push(
      `  ${m.dimension} ${m.segment}: ${m.previous_ae.toFixed(3)} -> ${m.ae.toFixed(3)} (${m.change >= 0 ? "+" : ""}${m.change.toFixed(3)})`
    );
  if (changes.roi.length) lines.push("Expertise targeting, optimum at the default cost and saving:");
  const value = (x: number | null, f: (x: number) => string = String) => (x === null ? "-" : f(x));
  const euros = (x: number) => `${Math.round(x)} EUR`;
  for (const r of changes.roi)
    lines.push(
      `  ${r.model_version}: ${value(r.previous_optimum_k)} -> ${value(r.optimum_k)} expertises, net ${value(r.previous_optimum_net_eur, euros)} -> ${value(r.optimum_net_eur, euros)} (${value(r.previous_claims)} -> ${r.claims} decided claims)`
    );
  lines.push(`Detector cells changed: ${changes.detectors.length}`);
  for (const d of changes.detectors)
    lines.push(`  ${d.change.padEnd(8)} ${d.detector} ${d.detector_version} x ${d.dataset}`);
  lines.push(`Files whose rejected rows grew: ${changes.rejects.length}`);
  for (const r of changes.rejects) lines.push(`  ${r.file}: ${r.previous_rejected} -> ${r.rows_rejected}`);
  return `${lines.join("\n")}\n`;
}
