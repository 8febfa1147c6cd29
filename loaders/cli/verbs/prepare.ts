import {writeFileSync} from "node:fs";
import {relative} from "node:path";
import {extractsDir} from "../../extracts/location.ts";
import {ensurePrepared} from "../../prepare/prepared.ts";
import {listenToSteps} from "../../progress.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";

export const summary = "Stage and prepare a delivery once: drift's, ROI's and the value report's shared work";
export const help = `
Usage: npm run --silent carnet -- prepare [--extracts DIR] [--format text|json] [--out FILE]

Stages the extract folder (default: $CARNET_EXTRACTS, else data/extracts) when it is not staged yet, then computes
once what several pages need: drift's working tables and every file read from them (A/E cells, loss ratio,
drill-down cubes, metadata), the ROI backtest and the value report's measured inputs. They are kept beside the
staged tables (.carnet-cache/prepared/), keyed by the delivery and by the code that computes them; the build and
the page loaders reuse them. Progress goes to stderr, one line per step with its time.

  --extracts DIR   extract folder
  --format F       text (default): the prepared folder; json: {"folder", "computed", "steps": [{name, seconds}]}
  --out FILE       write that to FILE instead of stdout

Exit status: 0 prepared (or already prepared), 2 on a problem with the delivery or when DuckDB's memory limit
(CARNET_DUCKDB_MEMORY, default 2GB) is too small, printed as one line.
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("prepare", argv, {
    extracts: {type: "string"},
    format: {type: "string"},
    out: {type: "string"}
  });
  const format = formatFlag("prepare", values.format, ["text", "json"] as const);
  listenToSteps((message) => process.stderr.write(`prepare: ${message}\n`));
  const prepared = await ensurePrepared({
    extracts: values.extracts ?? extractsDir(),
    onStep: (message) => process.stderr.write(`${message}\n`)
  });
  const text =
    format === "json"
      ? `${JSON.stringify(prepared)}\n`
      : `${prepared.computed ? "Prepared" : "Already prepared"}: ${relative(process.cwd(), prepared.folder) || "."}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}
