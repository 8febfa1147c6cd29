/**
 * "Setting CARNET_ENGINE to the test cluster builds the same site": after `npm test` has built dist/ with the
 * embedded DuckDB, the site is built again from the 2-shard cluster (scripts/clickhouse/site-check.ts), every
 * data file is compared with dist/'s, and the browser page test runs on the ClickHouse-built site.
 * About two minutes (one build and the page test); no skip: CI installs clickhouse-server.
 */
import {existsSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {SERVER} from "../../scripts/clickhouse/cluster.ts";
import {siteCheck} from "../../scripts/clickhouse/site-check.ts";
import {distDir} from "../build/dist-files.ts";

describe("the site built from a ClickHouse cluster", () => {
  it("has every data file equal to the DuckDB build's and passes the page test", {timeout: 900_000}, async () => {
    expect(existsSync(SERVER), `${SERVER} is missing: apt-get install clickhouse-server`).toBe(true);
    expect(await siteCheck({against: distDir})).toEqual([]);
  });
});
