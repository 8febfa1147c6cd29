/**
 * Scale-out integration: a real 2-shard ClickHouse cluster (Debian's clickhouse-server) on loopback. A small
 * default extract is generated, ingested, and every loader output is computed on DuckDB and on the cluster:
 * counts must be equal to the last digit, sums within 1e-9 relative. No skip: CI installs clickhouse-server.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ClickHouseEngine} from "../../loaders/engine/clickhouse.ts";
import {contract} from "../../loaders/extracts/contract.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {ingest} from "../../loaders/ingest/ingest.ts";
import {SERVER, shards, startCluster, stopCluster} from "../../scripts/clickhouse/cluster.ts";
import {carnet} from "../cli/run-carnet.ts";
import {firstDifference} from "./equal.ts";
import {loaderOutputs, type Outputs} from "./outputs.ts";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "carnet-scale-out-"));
const clusterDir = join(work, "cluster");
const extracts = join(work, "extracts");
const database = "carnet_it";
const url = `clickhouse://127.0.0.1:${shards[0].http}/${database}`;
const shardList = shards.map((s) => `127.0.0.1:${s.http}`);
/** A loopback port where nothing listens. */
const deadUrl = "clickhouse://127.0.0.1:18199/carnet_it";

let duckdb: Outputs;
let clickhouse: Outputs;
let firstCounts: {table: string; rows: number}[];

const savedKey = process.env.CARNET_PSEUDONYM_KEY;

beforeAll(async () => {
  // Fails loudly (not skipped) where the server is missing: .ci/run installs it.
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} is missing: apt-get install clickhouse-server (the scale-out test needs it)`);
  process.env.CARNET_PSEUDONYM_KEY = "scale-out-test-key";
  await startCluster(clusterDir);
  const generated = carnet(["generate", "--out", extracts, "--seed", "11", "--scale", "0.25"]);
  if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
  firstCounts = (await ingest({url, extracts, shards: shardList})).tables;
  duckdb = await loaderOutputs(extracts, undefined);
  clickhouse = await loaderOutputs(extracts, url);
});

afterAll(async () => {
  if (savedKey === undefined) delete process.env.CARNET_PSEUDONYM_KEY;
  else process.env.CARNET_PSEUDONYM_KEY = savedKey;
  // Stops, by PID, only the servers this test started (a cluster already running on the ports is left alone).
  await stopCluster(clusterDir);
  rmSync(work, {recursive: true, force: true});
});

describe("carnet ingest on a 2-shard cluster", () => {
  it("loads every accepted row of every table", async () => {
    const staged = await openExtracts(extracts);
    try {
      for (const file of contract) {
        const [{n}] = await staged.engine.all<{n: number}>(`SELECT count(*) AS n FROM ${file.name}`);
        expect(firstCounts.find((t) => t.table === file.name)?.rows, file.name).toBe(n);
      }
    } finally {
      await staged.engine.close();
    }
  });

  it("spreads every table over both shards, which together hold all its rows", async () => {
    const engines = await Promise.all(shardList.map((s) => ClickHouseEngine.connect(`clickhouse://${s}/${database}`)));
    try {
      for (const file of contract) {
        const perShard = await Promise.all(
          engines.map(async (e) => (await e.all<{n: number}>(`SELECT count() AS n FROM ${file.name}_local`))[0].n)
        );
        // A table of a handful of rows (the model cards) may well hash onto one shard; any larger one is spread.
        const rows = firstCounts.find((t) => t.table === file.name)?.rows ?? 0;
        if (rows >= 100) for (const n of perShard) expect(n, `${file.name} on a shard`).toBeGreaterThan(0);
        expect(perShard[0] + perShard[1]).toBe(firstCounts.find((t) => t.table === file.name)?.rows);
      }
    } finally {
      await Promise.all(engines.map((e) => e.close()));
    }
  });

  it("gives the same tables when the same folder is ingested again (no doubled rows)", async () => {
    const again = await ingest({url, extracts, shards: shardList});
    expect(again.tables).toEqual(firstCounts);
  });
});

describe("every loader output is equal whichever engine ran it", () => {
  it("computes the same set of outputs on both engines", () => {
    expect(Object.keys(clickhouse)).toEqual(Object.keys(duckdb));
    expect(Object.keys(duckdb).length).toBeGreaterThanOrEqual(14);
  });

  it("has outputs with rows, not empty charts", () => {
    for (const key of ["driftCells", "driftLossRatio", "roiClaims"])
      expect((duckdb[key] as unknown[]).length, key).toBeGreaterThan(0);
    expect((duckdb.driftDrill as {periods: unknown[]}).periods.length, "driftDrill").toBeGreaterThan(0);
  });

  for (const key of [
    "driftSetup",
    "driftCells",
    "driftLossRatio",
    "driftDrill",
    "driftMeta",
    "driftReport_contract_quarter",
    "driftReport_sector_quarter",
    "driftReport_age_band_quarter",
    "driftReport_portfolio",
    "roiContext",
    "roiClaims",
    "roiScored",
    "roiBands",
    "roiBands7",
    "roiReport",
    "extractSummary",
    "valueReport"
  ]) {
    it(`${key}: counts exact, sums within 1e-9 relative`, () => {
      expect(duckdb[key], key).toBeDefined();
      expect(firstDifference(duckdb[key], clickhouse[key])).toBeNull();
    });
  }
});

describe("engine failures are one clear line naming the engine, never credentials", () => {
  it("a stopped engine (nothing on the port)", async () => {
    process.env.CARNET_CLICKHOUSE_PASSWORD = "s3cret-pw";
    try {
      const error = await ClickHouseEngine.connect(deadUrl).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain("clickhouse://127.0.0.1:18199/carnet_it");
      expect(message).toContain("not reachable");
      expect(message).not.toContain("s3cret-pw");
      expect(message.split("\n")).toHaveLength(1);
    } finally {
      delete process.env.CARNET_CLICKHOUSE_PASSWORD;
    }
  });

  it("a wrong port (a server that does not speak HTTP there)", async () => {
    const wrong = `clickhouse://127.0.0.1:${shards[0].tcp}/${database}`;
    const error = await ClickHouseEngine.connect(wrong).then(
      (e) =>
        e.all("SELECT 1").then(
          () => null,
          (x: Error) => x
        ),
      (x: Error) => x
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(wrong);
    expect((error as Error).message.split("\n")).toHaveLength(1);
  });

  it("a missing table names the engine and says to run carnet ingest", async () => {
    const empty = `clickhouse://127.0.0.1:${shards[0].http}/default`;
    const engine = await ClickHouseEngine.connect(empty);
    try {
      const error = await engine.all("SELECT count() FROM claims").catch((e: Error) => e);
      expect((error as Error).message).toMatch(
        /^clickhouse:\/\/127\.0\.0\.1:18121\/default: a table is missing .*carnet ingest/
      );
    } finally {
      await engine.close();
    }
  });

  it("a page loader run against a dead engine exits non-zero with that line on stderr (so the build fails)", () => {
    const result = spawnSync(resolve(root, "node_modules/.bin/tsx"), [resolve(root, "src/data/drift-cells.arrow.ts")], {
      cwd: root,
      encoding: "utf8",
      env: {...process.env, CARNET_ENGINE: deadUrl, CARNET_CLICKHOUSE_PASSWORD: "s3cret-pw"}
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^carnet: clickhouse:\/\/127\.0\.0\.1:18199\/carnet_it: engine is not reachable \(/);
    expect(result.stderr).not.toContain("s3cret-pw");
  });
});
