import {BUSINESS_COST_EUR} from "../../../src/lib/roi/economics.ts";
import {CarnetError} from "../../errors.ts";
import {extractsDir} from "../../extracts/location.ts";
import {openExtracts} from "../../extracts/open.ts";
import {roiReport} from "../../roi/report.ts";
import {numberFlag, formatFlag, parseVerbArgs} from "../args.ts";
import {writeCsv, writeJson} from "../output.ts";

export const summary =
  "Backtest expertise targeting: hits, precision, lift and net savings by capacity, and the optimum";
export const help = `
Usage: npm run --silent carnet -- roi [--extracts DIR] [--cost EUR] [--saving EUR|recorded] [--capacity K]...
                                      [--model VERSION] [--from YEAR] [--to YEAR] [--format json|csv]

Ranks the expertised claims with a decided outcome (abuse, justified, no_show; pending ones are left out, a
no-show counts as a non-abuse) by the model's score, highest first (equal scores by claim id), and reports for
each capacity k (expertises ordered on the top k claims): hits, precision, recall, lift, gross savings, cost,
net savings and ROI, plus the capacity that maximises net savings.

  --extracts DIR    extract folder (default: $CARNET_EXTRACTS, else data/extracts)
  --cost EUR        cost of one expertise (default ${BUSINESS_COST_EUR})
  --saving EUR      saving per detected abuse; default "recorded": the saving_eur of each abuse
  --capacity K      a capacity to report; repeat for several. Default: every tenth of the backtest and the optimum.
                    A capacity above the number of claims is capped (requested_k keeps what was asked).
  --model VERSION   model version of scores.csv (default: the most recently scored)
  --from YEAR       first year of expertise orders to include (default: all)
  --to YEAR         last year of expertise orders to include (default: all)
  --format F        json (default): {"base_rate", "rows": [...], "best": {"k", "net_eur"}, ...}; csv: the rows

Fractions (precision, recall, base_rate) are numbers in [0, 1]; money is in euros, unrounded.
`;

function wholeNumber(name: string, text: string): number {
  const value = numberFlag("roi", name, text, NaN);
  if (!Number.isInteger(value) || value < 0)
    throw new CarnetError(`carnet roi: --${name} expects a whole number >= 0, got "${text}"`);
  return value;
}

function positiveEuros(name: string, text: string): number {
  const value = numberFlag("roi", name, text, NaN);
  if (value <= 0) throw new CarnetError(`carnet roi: --${name} expects an amount in euros above 0, got "${text}"`);
  return value;
}

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("roi", argv, {
    extracts: {type: "string"},
    cost: {type: "string"},
    saving: {type: "string"},
    capacity: {type: "string", multiple: true},
    model: {type: "string"},
    from: {type: "string"},
    to: {type: "string"},
    format: {type: "string"}
  });
  const format = formatFlag("roi", values.format, ["json", "csv"] as const);
  const costPerExpertise = values.cost === undefined ? BUSINESS_COST_EUR : positiveEuros("cost", values.cost);
  const savingPerAbuse =
    values.saving === undefined || values.saving === "recorded" ? null : positiveEuros("saving", values.saving);
  const capacities = (values.capacity ?? []).map((k) => wholeNumber("capacity", k));
  const from = values.from === undefined ? undefined : wholeNumber("from", values.from);
  const to = values.to === undefined ? undefined : wholeNumber("to", values.to);
  if (from !== undefined && to !== undefined && from > to)
    throw new CarnetError(`carnet roi: --from ${from} is after --to ${to}`);

  const extracts = await openExtracts(values.extracts ?? extractsDir());
  try {
    const report = await roiReport(extracts.engine, {
      model: values.model,
      from,
      to,
      capacities,
      economics: {costPerExpertise, savingPerAbuse}
    });
    if (format === "csv")
      writeCsv(
        report.rows.map((row) => ({...row})),
        ["k", "requested_k", "hits", "precision", "recall", "lift", "savings_eur", "cost_eur", "net_eur", "roi"]
      );
    else writeJson(report);
  } finally {
    await extracts.engine.close();
  }
  return 0;
}
