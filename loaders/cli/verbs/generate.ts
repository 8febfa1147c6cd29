import {resolve} from "node:path";
import {CarnetError} from "../../errors.ts";
import {projectRoot} from "../../extracts/location.ts";
import {PERIOD, SNAPSHOT_DATE} from "../../generate/catalog.ts";
import {generate, isSafeOutput, isSnapshotDate} from "../../generate/index.ts";
import {progress, progressDone} from "../../progress.ts";
import {formatFlag, numberFlag, parseVerbArgs} from "../args.ts";
import {writeJson} from "../output.ts";

export const summary =
  "Write a deterministic synthetic extract folder (claims, expertises, scores, model features, detector runs, truth.json)";
export const help = `
Usage: npm run --silent carnet -- generate [--out DIR] [--seed N] [--scale X] [--snapshot DATE]
                                          [--format text|json]

Writes a synthetic extract folder in the shape of the data contract: contracts.csv, insured.csv,
premiums.csv, claims.csv, expertises.csv, scores.csv, models.csv and score_features.csv (the model cards of
v1 and v2, and each score's feature values and contributions to its logit),
detector-runs/<run_id>/{manifest.json,predictions.csv}, and truth.json (the planted drifts, the planted model
drift, abuse rate, model and detector AUCs, row counts).
Same seed and scale give byte-identical files. Employer names and NIRs are fake but shaped like real ones,
so the loaders' removal of direct identifiers can be tested.

  --out DIR     output folder (default: data/extracts in the project). An existing non-empty folder is
                only overwritten when this command wrote it (it holds truth.json, or only generated files).
  --seed N      integer seed (default 1)
  --scale X     size multiplier (default 1: ~200 contracts, ~40k insured, ~20-28k claims, ~1,500
                expertises over 2021-2025); rows grow linearly, ~400 gives ~10M claims
  --snapshot DATE  the same portfolio (same seed and scale) as known on DATE, YYYY-MM-DD from ${PERIOD.start}
                to ${SNAPSHOT_DATE} (the default, the full delivery), to simulate successive monthly deliveries.
                Left out: contracts and insured whose cover starts after DATE, claims declared, scores computed,
                expertises ordered and detector runs started after DATE, premiums of later years (DATE's own
                year has the part earned by DATE), model cards whose training window ends after DATE and
                their versions' feature rows. As it stood on DATE: contract and coverage end dates after
                DATE empty; claims still running open, with days paid, paid amount and reserve on DATE;
                expertise reports not back yet pending; a model deployed after DATE without deployment date.
                Ids are the full delivery's. truth.json gives snapshot_date = DATE, the drifts (and the model
                drift) whose month has begun, and the row counts, abuse rate, expertise tallies, model AUCs
                and detector runs of what was written.
  --format F    text (default): one summary line on stderr; json: the summary as JSON on stdout

Progress is shown on stderr when it is a terminal.
`;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("generate", argv, {
    out: {type: "string"},
    seed: {type: "string"},
    scale: {type: "string"},
    snapshot: {type: "string"},
    format: {type: "string"}
  });
  const format = formatFlag("generate", values.format, ["text", "json"] as const);
  const seed = numberFlag("generate", "seed", values.seed, 1);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new CarnetError(`carnet generate: --seed expects a non-negative integer, got "${values.seed}"`);
  const scale = numberFlag("generate", "scale", values.scale, 1);
  if (!(scale > 0 && scale <= 2000))
    throw new CarnetError(`carnet generate: --scale expects a number in (0, 2000], got "${values.scale}"`);
  const snapshotDate = values.snapshot ?? SNAPSHOT_DATE;
  if (!isSnapshotDate(snapshotDate))
    throw new CarnetError(
      `carnet generate: --snapshot expects a date YYYY-MM-DD from ${PERIOD.start} to ${SNAPSHOT_DATE}, got "${values.snapshot}"`
    );
  const out = values.out ? resolve(values.out) : resolve(projectRoot, "data/extracts");
  if (!isSafeOutput(out)) {
    throw new CarnetError(
      `carnet generate: ${out} holds files this command did not write (no truth.json); refusing to write generated extracts over it (choose another --out)`
    );
  }

  const started = Date.now();
  const result = generate({out, seed, scale, snapshotDate, onProgress: progress});
  progressDone();
  const seconds = (Date.now() - started) / 1000;
  if (format === "json") {
    writeJson({
      out,
      seed,
      scale,
      snapshot_date: snapshotDate,
      seconds,
      rows: result.rows,
      drifts: result.truth.drifts,
      abuse_rate: result.truth.abuse_rate
    });
  } else {
    const counts = Object.entries(result.rows)
      .map(([file, n]) => `${n.toLocaleString("en-US")} ${file.replace("_", " ")}`)
      .join(", ");
    process.stderr.write(
      `carnet generate: wrote ${out} (seed ${seed}, scale ${scale}${values.snapshot ? `, as of ${snapshotDate}` : ""}) in ${seconds.toFixed(1)}s: ${counts}\n`
    );
  }
  return 0;
}
