/**
 * Bounded memory: the whole site builds from a ten-times delivery (245,000 claims, 420,000 insured) with DuckDB
 * held to 1 GB (CARNET_DUCKDB_MEMORY): the preparation spills to disk instead of failing. Built into its own
 * output folder with its own staging cache, dist/ is left alone. No timing is asserted.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, describe, expect, it} from "vitest";
import {carnet} from "../cli/run-carnet.ts";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "carnet-scale10-"));

describe("a build at scale 10 under CARNET_DUCKDB_MEMORY=1GB", () => {
  afterAll(() => rmSync(work, {recursive: true, force: true}));

  it("publishes every page's data, the drift cells covering 2,000 contracts", {timeout: 1_200_000}, () => {
    const extracts = join(work, "extracts");
    expect(carnet(["generate", "--out", extracts, "--scale", "10"]).code).toBe(0);
    const output = join(work, "dist");
    const build = spawnSync(
      "npm",
      ["run", "--silent", "build", "--", "--config", "scripts/clickhouse/site.config.ts"],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 1 << 28,
        env: {
          ...process.env,
          // Framework imports a config file other than observablehq.config.ts through tsx's loader.
          NODE_OPTIONS: `--import tsx/esm ${process.env.NODE_OPTIONS ?? ""}`.trim(),
          CARNET_EXTRACTS: extracts,
          CARNET_CACHE: join(work, "cache"),
          CARNET_DUCKDB_MEMORY: "1GB",
          CARNET_SITE_OUTPUT: output,
          CARNET_PSEUDONYM_KEY: "test-key"
        }
      }
    );
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    const files = readdirSync(join(output, "_file", "data"));
    for (const name of ["drift-cells", "drift-meta", "roi-claims", "value-report"])
      expect(files.some((f) => f.startsWith(`${name}.`))).toBe(true);
    const meta = JSON.parse(
      readFileSync(
        join(
          output,
          "_file",
          "data",
          files.find((f) => f.startsWith("drift-meta."))!
        ),
        "utf8"
      )
    );
    expect(meta.contracts).toMatchObject({total: 2000, shown: 200});
    const cells = tableFromIPC(
      readFileSync(
        join(
          output,
          "_file",
          "data",
          files.find((f) => f.startsWith("drift-cells."))!
        )
      )
    );
    const contracts = new Set<string>();
    const dimension = cells.getChild("dimension")!;
    const segment = cells.getChild("segment")!;
    for (let i = 0; i < cells.numRows; i++) if (dimension.get(i) === "contract") contracts.add(segment.get(i));
    // The shown contracts (those with 11 insured or more) and the rest summed into one segment.
    expect(contracts.has("Other contracts")).toBe(true);
    expect(contracts.size).toBeLessThanOrEqual(201);
    expect(existsSync(join(output, "claims-drift.html"))).toBe(true);
  });
});
