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
import type {Extracts} from "../extracts/open.ts";
import {arrowBytes} from "../output/arrow.ts";
import {PAGE_CLAIM_COLUMNS, pageClaims, pageContext} from "../roi/page-data.ts";
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
  "value-inputs.json"
] as const;
export type PreparedFile = (typeof PREPARED_FILES)[number];

export type Write = (name: PreparedFile, bytes: Uint8Array | string) => Promise<void>;
export type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

export async function prepareOutputs(extracts: Extracts, write: Write, step: Step): Promise<void> {
  const {engine, snapshotDate} = extracts;
  const [claims] = await engine.all<{n: number}>(`SELECT count(*) AS n FROM claims`);
  // Without a claim there is no drift window: the drift files are not written and their loaders say why.
  const driftFigures = claims?.n ? await prepareDriftOutputs(extracts, write, step) : null;
  await step("ROI: backtest claims", async () =>
    write("roi-claims.arrow", arrowBytes(await pageClaims(engine), [...PAGE_CLAIM_COLUMNS]))
  );
  await step("ROI: context", async () =>
    write("roi-context.json", JSON.stringify(await pageContext(engine, snapshotDate)))
  );
  const expertise = await step("ROI: expertise figures", () => expertiseFigures(engine));
  const inputs: ValueInputs = {snapshotDate, expertise, drift: driftFigures};
  await write("value-inputs.json", JSON.stringify(inputs));
}

async function prepareDriftOutputs(extracts: Extracts, write: Write, step: Step): Promise<DriftFigures> {
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
    return await step("drift: alerts for the value report", () => driftFiguresOn(drift));
  } finally {
    await drift.close();
  }
}
