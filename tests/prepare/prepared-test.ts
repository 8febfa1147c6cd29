/**
 * One preparation per delivery (loaders/prepare/): `carnet prepare` computes the shared work once, a second run
 * reuses it, its files equal what each output computed on its own gives, a killed preparation's leftovers are
 * removed, and the shown-contracts rule keeps every contract of a small portfolio.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {driftFigures} from "../../loaders/catalog/value/drift.ts";
import {CELL_COLUMNS, pageCells, preparePage} from "../../loaders/drift/page-data.ts";
import {openStagedExtracts, type Extracts} from "../../loaders/extracts/open.ts";
import type {ValueInputs} from "../../loaders/prepare/value-inputs.ts";
import {carnet} from "../cli/run-carnet.ts";
import {firstDifference} from "../scale-out/equal.ts";

const extracts = resolve(import.meta.dirname, "../../data/extracts");
const cache = mkdtempSync(join(tmpdir(), "carnet-prepare-"));
const env = {CARNET_CACHE: cache, CARNET_EXTRACTS: extracts};

interface Run {
  folder: string;
  computed: boolean;
  steps: {name: string; seconds: number}[];
}

describe("carnet prepare", () => {
  let first: Run;
  let opened: Extracts;

  beforeAll(async () => {
    // A leftover of a preparation killed earlier: its process (a pid no process has) is gone.
    mkdirSync(join(cache, "prepared", ".tmp-999999999-1"), {recursive: true});
    const run = carnet(["prepare", "--format", "json"], env);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(run.code, run.stderr).toBe(0);
    first = JSON.parse(run.stdout) as Run;
    process.env.CARNET_CACHE = cache;
    opened = await openStagedExtracts(extracts);
  });

  afterAll(async () => {
    await opened?.engine.close();
    delete process.env.CARNET_CACHE;
  });

  it("computes once, prints each step with its time on stderr, and reuses the result the second time", () => {
    expect(first.computed).toBe(true);
    expect(first.steps.map((s) => s.name)).toEqual(expect.arrayContaining(["drift: working tables", "ROI: context"]));
    const again = carnet(["prepare", "--format", "json"], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({folder: first.folder, computed: false});
  });

  it("removes what a killed preparation left behind", () => {
    expect(existsSync(join(cache, "prepared", ".tmp-999999999-1"))).toBe(false);
    expect(existsSync(join(first.folder, "prepared.json"))).toBe(true);
  });

  it("writes the drift cells each page loader computed on its own before, every contract of the 200 shown", async () => {
    const {engine, dir, snapshotDate} = opened;
    const {drift, contracts} = await preparePage(engine, {snapshotDate, extractsDir: dir});
    try {
      expect(contracts).toMatchObject({total: 200, shown: 200});
      const alone = await pageCells(drift);
      const prepared = tableFromIPC(readFileSync(join(first.folder, "drift-cells.arrow")));
      const rows = prepared.toArray().map((row) => Object.fromEntries(CELL_COLUMNS.map((c) => [c, row[c]])));
      // Sums may be added up in another order: equal to 1e-9 relative, counts and labels exactly.
      expect(
        firstDifference(
          rows,
          alone.map((row) => Object.fromEntries(CELL_COLUMNS.map((c) => [c, row[c]])))
        )
      ).toBeNull();
    } finally {
      await drift.close();
    }
  });

  it("gives the value report the drift figures a separate drift run gives", async () => {
    const inputs = JSON.parse(readFileSync(join(first.folder, "value-inputs.json"), "utf8")) as ValueInputs;
    const separate = await driftFigures(opened.engine, {snapshotDate: opened.snapshotDate, extractsDir: opened.dir});
    expect(firstDifference(inputs.drift, separate)).toBeNull();
    expect(inputs.drift!.by.find((d) => d.dimension === "contract")!.alerts).toBeGreaterThan(0);
  });

  it("refuses a missing extract folder with one line and exit 2", () => {
    const run = carnet(["prepare", "--extracts", join(cache, "nowhere")], {CARNET_CACHE: cache});
    expect(run.code).toBe(2);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.includes("warning"))
    ).toHaveLength(1);
    expect(run.stderr).toMatch(/nowhere: extract folder not found/);
  });
});
