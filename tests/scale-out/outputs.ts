/**
 * Every loader output that reads the extract tables, computed through openExtracts() with whatever
 * CARNET_ENGINE says: what the page loaders (src/data/*) and the CLI verbs write. Detector metrics read
 * detector-run files, not extract tables, so they do not depend on the engine (see README).
 */
import {readUseCases} from "../../loaders/catalog/use-cases.ts";
import {computeValueReport} from "../../loaders/catalog/value/compute.ts";
import {defaultEconomics} from "../../loaders/catalog/value/expertise.ts";
import {driftReport} from "../../loaders/drift/drift.ts";
import {pageDrillPeriods, pageDrillProfiles} from "../../loaders/drift/drill.ts";
import {pageCells, pageLossRatio, pageMeta, preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {summariseExtracts} from "../../loaders/extracts/summary.ts";
import {pageClaims as roiClaims, pageContext} from "../../loaders/roi/page-data.ts";
import {roiReport} from "../../loaders/roi/report.ts";
import {loadScoreBands, loadScoredClaims} from "../../loaders/roi/scored-claims.ts";

export type Outputs = Record<string, unknown>;

export async function loaderOutputs(dir: string, engineUrl: string | undefined): Promise<Outputs> {
  const saved = process.env.CARNET_ENGINE;
  if (engineUrl) process.env.CARNET_ENGINE = engineUrl;
  else delete process.env.CARNET_ENGINE;
  try {
    const extracts = await openExtracts(dir);
    const {engine, snapshotDate} = extracts;
    try {
      const out: Outputs = {};
      const {drift, contracts} = await preparePage(engine, {snapshotDate, extractsDir: extracts.dir});
      try {
        out.driftSetup = drift.setup;
        out.driftCells = await pageCells(drift);
        out.driftLossRatio = await pageLossRatio(drift);
        out.driftDrill = {periods: await pageDrillPeriods(drift), profiles: await pageDrillProfiles(drift)};
        out.driftMeta = await pageMeta(drift, snapshotDate, contracts);
      } finally {
        await drift.close();
      }
      for (const dimension of ["contract", "sector", "age_band"] as const) {
        out[`driftReport_${dimension}_quarter`] = await driftReport(engine, {
          dimension,
          grain: "quarter",
          snapshotDate,
          extractsDir: extracts.dir
        });
      }
      out.driftReport_portfolio = await driftReport(engine, {
        dimension: "region",
        grain: "month",
        baseline: "portfolio",
        snapshotDate
      });
      const context = await pageContext(engine, snapshotDate);
      out.roiContext = context;
      out.roiClaims = await roiClaims(engine);
      const model = context.default_model;
      if (model) {
        out.roiScored = await loadScoredClaims(engine, {model, from: 2022, to: 2024});
        out.roiBands = await loadScoreBands(engine, {model});
        out.roiBands7 = await loadScoreBands(engine, {model, from: 2023}, 7);
        out.roiReport = await roiReport(engine, {model, economics: defaultEconomics});
      }
      const {folder: _folder, ...summary} = await summariseExtracts(extracts);
      out.extractSummary = summary;
      out.valueReport = await computeValueReport(extracts, readUseCases());
      return out;
    } finally {
      await engine.close();
    }
  } finally {
    if (saved === undefined) delete process.env.CARNET_ENGINE;
    else process.env.CARNET_ENGINE = saved;
  }
}
