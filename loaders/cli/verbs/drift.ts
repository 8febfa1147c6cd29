import {CUSUM_DEFAULTS} from "../../../src/lib/drift/cusum.ts";
import {grains, type Grain} from "../../../src/lib/periods.ts";
import {parseDimension} from "../../drift/dimensions.ts";
import {driftReport} from "../../drift/drift.ts";
import {baselines, type Baseline} from "../../drift/sql/duckdb/ae-cells.ts";
import {CarnetError} from "../../errors.ts";
import {extractsDir} from "../../extracts/location.ts";
import {openExtracts} from "../../extracts/open.ts";
import {formatFlag, numberFlag, parseVerbArgs} from "../args.ts";
import {writeCsv, writeJson} from "../output.ts";

export const summary = "Claims drift: actual vs expected per segment and period, with exact intervals and alerts";
export const help = `
Usage: npm run --silent carnet -- drift [--extracts DIR] [--by DIM] [--period month|quarter|year]
                                        [--guarantee G] [--from DATE] [--to DATE] [--baseline segment|portfolio]
                                        [--alerts] [--format json|csv]

For each segment and period: exposure in insured-years, actual claims (by event date), expected claims at
the reference rates (sex x job category x 10-year age band, seasonal factor per calendar month), A/E and
its exact Poisson (Garwood) 95% interval. Reference rates come from reference_rates.csv in the extract
folder when present, else from the first two full calendar years of the data.

  --extracts DIR      extract folder (default: $CARNET_EXTRACTS, else data/extracts)
  --by DIM            contract (default), sector, region, age_band, job_category or guarantee
  --period P          month (default; "YYYY-MM"), quarter ("YYYY-Qn") or year ("YYYY")
  --guarantee G       incapacity (default), disability or death; --by guarantee takes them all
  --from, --to DATE   analysis window (YYYY-MM-DD); default the months holding claims
  --reference-from, --reference-to DATE   reference window for the rates
  --baseline B        segment (default): expected at each segment's own reference-window level, so A/E
                      measures drift since then; portfolio: expected at the portfolio rates (level comparison)
  --alerts            add the alert list: segments whose monthly Poisson CUSUM signalled
                      (k = (g-1)/ln g with g = ${CUSUM_DEFAULTS.gamma}, h = ${CUSUM_DEFAULTS.h} claims) or whose A/E over the
                      window lies above the 99.8% funnel limit; onset, excess claims and cost, largest cost first
  --gamma G, --h H    CUSUM tuning (see loaders/shared/cusum.ts for how the defaults were chosen)
  --format F          json (default): {"rows": [...], "alerts": [...]}; csv: the rows only

Row columns: segment, period, exposure_years, actual, expected, ae, ae_low, ae_high.
Alert columns: segment, onset (YYYY-MM), actual, expected, excess_claims, excess_cost_eur (since the onset),
plus signal (first CUSUM month above h), reason and the window totals.
`;

const ROW_COLUMNS = ["segment", "period", "exposure_years", "actual", "expected", "ae", "ae_low", "ae_high"] as const;

export async function run(argv: string[]): Promise<number> {
  const {values} = parseVerbArgs("drift", argv, {
    extracts: {type: "string"},
    by: {type: "string"},
    period: {type: "string"},
    guarantee: {type: "string"},
    from: {type: "string"},
    to: {type: "string"},
    "reference-from": {type: "string"},
    "reference-to": {type: "string"},
    baseline: {type: "string"},
    alerts: {type: "boolean"},
    gamma: {type: "string"},
    h: {type: "string"},
    format: {type: "string"}
  });
  const format = formatFlag("drift", values.format, ["json", "csv"] as const);
  const dimension = parseDimension(values.by);
  const grain = (values.period ?? "month") as Grain;
  if (!grains.includes(grain))
    throw new CarnetError(`carnet drift: --period expects month, quarter or year, got "${values.period}"`);
  const baseline = (values.baseline ?? "segment") as Baseline;
  if (!baselines.includes(baseline))
    throw new CarnetError(`carnet drift: --baseline expects segment or portfolio, got "${values.baseline}"`);
  const gamma = numberFlag("drift", "gamma", values.gamma, CUSUM_DEFAULTS.gamma);
  const h = numberFlag("drift", "h", values.h, CUSUM_DEFAULTS.h);
  if (!(gamma > 1)) throw new CarnetError(`carnet drift: --gamma must be above 1, got ${gamma}`);

  const extracts = await openExtracts(values.extracts ?? extractsDir());
  try {
    const guarantees = (await extracts.engine.all<{g: string}>("SELECT DISTINCT guarantee AS g FROM claims")).map(
      (r) => r.g
    );
    if (values.guarantee !== undefined && !guarantees.includes(values.guarantee)) {
      throw new CarnetError(
        `carnet drift: --guarantee expects one of ${guarantees.sort().join(", ")}, got "${values.guarantee}"`
      );
    }
    const report = await driftReport(extracts.engine, {
      dimension,
      grain,
      guarantee: values.guarantee,
      baseline,
      from: values.from,
      to: values.to,
      referenceFrom: values["reference-from"],
      referenceTo: values["reference-to"],
      snapshotDate: extracts.snapshotDate,
      extractsDir: extracts.dir,
      gamma,
      h
    });
    const rows = report.rows.map((row) => Object.fromEntries(ROW_COLUMNS.map((c) => [c, row[c]])));
    if (format === "csv") writeCsv(rows, [...ROW_COLUMNS]);
    else
      writeJson({
        dimension,
        period: grain,
        guarantee: dimension === "guarantee" ? null : (values.guarantee ?? "incapacity"),
        baseline,
        window: report.setup.window,
        reference: {...report.setup.reference, source: report.setup.referenceSource},
        rows,
        ...(values.alerts ? {alerts: report.alerts} : {})
      });
  } finally {
    await extracts.engine.close();
  }
  return 0;
}
