/**
 * What one preparation of a delivery computes: every published file that needs the delivery's working tables,
 * from one drift workspace and one engine, instead of one workspace per page loader. The drift page's files, the
 * ROI page's files and the value report's measured inputs (its drift figures reuse the page's workspace; its
 * expertise figures, the ROI backtest's SQL). Page loaders publish these files as they are (publish.ts).
 */
import {driftFiguresOn, type DriftFigures} from "../catalog/value/drift.ts";
import {expertiseFigures} from "../catalog/value/expertise.ts";
import {DRILL_PERIOD_COLUMNS, DRILL_PROFILE_COLUMNS, pageDrillPeriods, pageDrillProfiles} from "../drift/drill.ts";
import {CELL_COLUMNS, LOSS_RATIO_COLUMNS, pageCells, pageLossRatio, pageMeta, preparePage} from "../drift/page-data.ts";
import type {DuckDbEngine} from "../engine/duckdb.ts";
import {openStagedExtracts, type Extracts} from "../extracts/open.ts";
import {fileCounts} from "../extracts/validate.ts";
import {monitoringFiles, monitoringPageData} from "../monitoring/page-data.ts";
import {arrowBytes} from "../output/arrow.ts";
import {pageClaims, pageClaimsArrow, pageContext} from "../roi/page-data.ts";
import {
  alertsByDimension,
  deliveryAlerts,
  FIGURES_VERSION,
  modelDeliveryAlert,
  roiFigures,
  segmentFigures,
  type PreparedFigures
} from "../run/figures.ts";
import type {ValueInputs} from "./value-inputs.ts";

/** The prepared files, by the name of the page loader output they become. */
export const PREPARED_FILES = [
  "drift-cells.arrow",
  "drift-loss-ratio.arrow",
  "drift-drill-periods.arrow",
  "drift-drill-profiles.arrow",
  "drift-meta.json",
  "roi-claims.arrow",
  "roi-context.json",
  "value-inputs.json",
  "key-figures.json",
  "model-monitoring.json",
  "model-profile.arrow",
  "model-alerts.json"
] as const;
export type PreparedFile = (typeof PREPARED_FILES)[number];

export type Write = (name: PreparedFile, bytes: Uint8Array | string) => Promise<void>;
export type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

export async function prepareOutputs(extracts: Extracts, write: Write, step: Step): Promise<void> {
  const {engine, snapshotDate} = extracts;
  const [claims] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM claims`);
  // Without a claim there is no drift window: the drift files are not written and their loaders say why.
  const drift = claims?.n ? await prepareDriftOutputs(extracts, write, step) : null;
  await step("ROI: backtest claims", async () => write("roi-claims.arrow", pageClaimsArrow(await pageClaims(engine))));
  await step("ROI: context", async () =>
    write("roi-context.json", JSON.stringify(await pageContext(engine, snapshotDate)))
  );
  const expertise = await step("ROI: expertise figures", () => expertiseFigures(engine));
  const inputs: ValueInputs = {snapshotDate, expertise, drift: drift?.value ?? null};
  await write("value-inputs.json", JSON.stringify(inputs));
  const roi = await step("ROI: figures per model version", () => roiFigures(engine));
  const monitoring = await step("model monitoring", () => prepareMonitoring(extracts));
  const files = monitoringFiles(monitoring);
  await write("model-monitoring.json", files.page);
  await write("model-profile.arrow", files.profile);
  await write("model-alerts.json", files.alerts);
  const figures = drift?.figures ?? emptyDriftFigures(extracts);
  const alerts = [...figures.alerts, ...monitoring.alerts.map(modelDeliveryAlert)];
  await write("key-figures.json", JSON.stringify({...figures, alerts, roi}));
}

/**
 * Monitoring runs in the embedded DuckDB over the staged tables on either engine (it needs each decided claim's
 * score; on a cluster, the delivery's staged copy is what `carnet ingest` loaded).
 */
async function prepareMonitoring(extracts: Extracts) {
  if (extracts.engine.kind === "duckdb") return monitoringPageData(extracts.engine);
  const staged = await openStagedExtracts(extracts.dir);
  try {
    return await monitoringPageData(staged.engine as DuckDbEngine);
  } finally {
    await staged.engine.close();
  }
}

/** Drift's part of the delivery's key figures (run/figures.ts) and the value report's drift figures. */
interface DriftResults {
  value: DriftFigures;
  figures: Omit<PreparedFigures, "roi">;
}

function emptyDriftFigures(extracts: Extracts): Omit<PreparedFigures, "roi"> {
  return {...driftFigureBase(extracts, null), alerts: [], segments: []};
}

function driftFigureBase(extracts: Extracts, window: {from: string; to: string} | null) {
  return {
    version: FIGURES_VERSION,
    snapshot_date: extracts.snapshotDate,
    window,
    files: fileCounts(extracts.accounting.files)
  };
}

async function prepareDriftOutputs(extracts: Extracts, write: Write, step: Step): Promise<DriftResults> {
  const {engine, dir, snapshotDate} = extracts;
  const {drift, contracts} = await step("drift: working tables", () =>
    preparePage(engine, {snapshotDate, extractsDir: dir})
  );
  try {
    await step("drift: A/E cells", async () =>
      write("drift-cells.arrow", arrowBytes(await pageCells(drift), [...CELL_COLUMNS]))
    );
    await step("drift: loss ratio", async () =>
      write("drift-loss-ratio.arrow", arrowBytes(await pageLossRatio(drift), [...LOSS_RATIO_COLUMNS]))
    );
    await step("drift: drill-down cubes", async () => {
      await write("drift-drill-periods.arrow", arrowBytes(await pageDrillPeriods(drift), [...DRILL_PERIOD_COLUMNS]));
      await write("drift-drill-profiles.arrow", arrowBytes(await pageDrillProfiles(drift), [...DRILL_PROFILE_COLUMNS]));
    });
    await step("drift: metadata", async () =>
      write("drift-meta.json", JSON.stringify(await pageMeta(drift, snapshotDate, contracts)))
    );
    // Every dimension's alerts once: the value report takes its contracts' and sectors' from them.
    const raw = await step("drift: alerts of every dimension", () => alertsByDimension(drift));
    const value = await driftFiguresOn(drift, {}, (dimension) => raw.get(dimension) ?? []);
    const alerts = deliveryAlerts(raw);
    const segments = await step("drift: A/E per segment over the window", () => segmentFigures(drift));
    return {value, figures: {...driftFigureBase(extracts, drift.setup.window), alerts, segments}};
  } finally {
    await drift.close();
  }
}
