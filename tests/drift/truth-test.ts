/**
 * On the default synthetic data (generator seed 1), the planted drifts of truth.json are all alerted with an
 * onset within two months, and stable segments raise false alerts at no more than the documented rate.
 *
 * Stable means untouched by any planted drift: a contract that is neither drifted nor in the drifted sector,
 * a sector that is neither drifted nor holds a drifted contract (a drifting contract lifts its sector).
 * The documented rate: the CUSUM is tuned for about 2% false alarms over 60 stable months
 * (loaders/shared/cusum.ts); with the funnel criterion and estimated reference rates, the budget is
 * fewer than 5% of stable segments, counted over contracts and sectors together.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {driftReport, type DriftReport} from "../../loaders/drift/drift.ts";
import {openExtracts, type Extracts} from "../../loaders/extracts/open.ts";

interface Drift {
  dimension: "contract" | "sector";
  segment: string;
  guarantee: string;
  onset: string;
  factor: number;
}

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "carnet-drift-truth-"));
const out = join(work, "extracts");
let extracts: Extracts;
let truth: {drifts: Drift[]};
const reports: Partial<Record<"contract" | "sector", DriftReport>> = {};
let sectorOf: Map<string, string>;
const savedCache = process.env.CARNET_CACHE;

beforeAll(async () => {
  const result = spawnSync(
    resolve(root, "node_modules/.bin/tsx"),
    [resolve(root, "loaders/cli/carnet.ts"), "generate", "--out", out, "--seed", "1"],
    {
      cwd: root,
      encoding: "utf8"
    }
  );
  if (result.status !== 0) throw new Error(`generate failed: ${result.stderr}`);
  truth = JSON.parse(readFileSync(join(out, "truth.json"), "utf8"));
  process.env.CARNET_CACHE = join(work, "cache");
  extracts = await openExtracts(out);
  sectorOf = new Map(
    (
      await extracts.engine.all<{contract_id: string; sector_naf: string}>(
        "SELECT contract_id, sector_naf FROM contracts"
      )
    ).map((r) => [r.contract_id, r.sector_naf])
  );
  for (const dimension of ["contract", "sector"] as const) {
    reports[dimension] = await driftReport(extracts.engine, {
      dimension,
      grain: "month",
      guarantee: "incapacity",
      snapshotDate: extracts.snapshotDate,
      extractsDir: extracts.dir
    });
  }
});

afterAll(async () => {
  await extracts?.engine.close();
  if (savedCache === undefined) delete process.env.CARNET_CACHE;
  else process.env.CARNET_CACHE = savedCache;
  rmSync(work, {recursive: true, force: true});
});

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

describe("drift alerts on the default data", () => {
  it("plants incapacity drifts in contracts and a sector", () => {
    expect(truth.drifts.some((d) => d.dimension === "contract")).toBe(true);
    expect(truth.drifts.some((d) => d.dimension === "sector")).toBe(true);
  });

  it("alerts every planted drift with an onset within two months of the truth", () => {
    for (const drift of truth.drifts) {
      const alert = reports[drift.dimension]!.alerts.find((a) => a.segment === drift.segment);
      expect(alert, `${drift.dimension} ${drift.segment} is alerted`).toBeDefined();
      expect(
        Math.abs(monthIndex(alert!.onset) - monthIndex(drift.onset)),
        `${drift.segment} onset ${alert!.onset} vs ${drift.onset}`
      ).toBeLessThanOrEqual(2);
    }
  });

  it("measures the planted factor: A/E since the onset within 25% of it", () => {
    for (const drift of truth.drifts) {
      const alert = reports[drift.dimension]!.alerts.find((a) => a.segment === drift.segment)!;
      expect(alert.ae!).toBeGreaterThan(drift.factor * 0.75);
      expect(alert.ae!).toBeLessThan(drift.factor * 1.25);
    }
  });

  it("raises false alerts on fewer than 5% of stable contracts and sectors", () => {
    const driftedSectors = new Set(truth.drifts.filter((d) => d.dimension === "sector").map((d) => d.segment));
    const driftedContracts = new Set(truth.drifts.filter((d) => d.dimension === "contract").map((d) => d.segment));
    const sectorsWithDriftedContract = new Set([...driftedContracts].map((c) => sectorOf.get(c)));
    const segments = (dimension: "contract" | "sector") => [...new Set(reports[dimension]!.rows.map((r) => r.segment))];
    const stableContracts = segments("contract").filter(
      (c) => !driftedContracts.has(c) && !driftedSectors.has(sectorOf.get(c)!)
    );
    const stableSectors = segments("sector").filter(
      (s) => !driftedSectors.has(s) && !sectorsWithDriftedContract.has(s)
    );
    const falseAlerts = [
      ...reports.contract!.alerts.filter((a) => stableContracts.includes(a.segment)),
      ...reports.sector!.alerts.filter((a) => stableSectors.includes(a.segment))
    ];
    const stable = stableContracts.length + stableSectors.length;
    expect(stable).toBeGreaterThan(100);
    expect(falseAlerts.length / stable, falseAlerts.map((a) => a.segment).join(", ")).toBeLessThan(0.05);
  });
});
