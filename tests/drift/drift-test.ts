/**
 * The value report's alerts (driftAlertsOn: segment batch by segment batch, without the rows' intervals) are the
 * drift report's alerts, whatever the batch size, on the default delivery.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {driftAlertsOn, driftReportOn} from "../../loaders/drift/drift.ts";
import {prepareDrift, type DriftWorkspace} from "../../loaders/drift/prepare.ts";
import {openExtracts, type Extracts} from "../../loaders/extracts/open.ts";

let extracts: Extracts;
let drift: DriftWorkspace;

beforeAll(async () => {
  extracts = await openExtracts();
  drift = await prepareDrift(extracts.engine, {snapshotDate: extracts.snapshotDate, extractsDir: extracts.dir});
}, 300_000);

afterAll(async () => {
  await drift?.close();
  await extracts?.engine.close();
});

describe("the alerts alone", () => {
  for (const dimension of ["contract", "sector"] as const)
    it(`equal the report's alerts by ${dimension}, in batches of 3 segments or all at once`, async () => {
      const report = await driftReportOn(drift, {dimension, grain: "month", guarantee: "incapacity"});
      expect(report.alerts.length).toBeGreaterThan(0);
      expect(await driftAlertsOn(drift, {dimension, guarantee: "incapacity"}, 3)).toEqual(report.alerts);
      expect(await driftAlertsOn(drift, {dimension, guarantee: "incapacity"})).toEqual(report.alerts);
    });
});
