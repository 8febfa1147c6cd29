import {mkdtempSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeExtracts, withExtra} from "./fixture.ts";

const saved = {cache: process.env.CARNET_CACHE, key: process.env.CARNET_PSEUDONYM_KEY};
afterEach(() => {
  process.env.CARNET_CACHE = saved.cache;
  process.env.CARNET_PSEUDONYM_KEY = saved.key;
  if (saved.cache === undefined) delete process.env.CARNET_CACHE;
  if (saved.key === undefined) delete process.env.CARNET_PSEUDONYM_KEY;
});

describe("the staging cache", () => {
  it("stages a delivery once and reopens it from the same cache folder with the same accounting", async () => {
    process.env.CARNET_CACHE = mkdtempSync(join(tmpdir(), "carnet-cache-"));
    process.env.CARNET_PSEUDONYM_KEY = "cache-test";
    const dir = writeExtracts({"claims.csv": withExtra("claims.csv", "K9,I9,C1,incapacity,2021-01-01,,,,,,open")});
    const first = await openExtracts(dir);
    await first.engine.close();
    const second = await openExtracts(dir);
    expect(second.accounting).toEqual(first.accounting);
    expect(readdirSync(process.env.CARNET_CACHE)).toHaveLength(1);
    await second.engine.close();
  });

  it("re-stages when the pseudonym key changes, and keeps only the six most recent stagings", async () => {
    process.env.CARNET_CACHE = mkdtempSync(join(tmpdir(), "carnet-cache-"));
    const dir = writeExtracts();
    const pseudonyms: string[] = [];
    for (let i = 0; i < 8; i++) {
      process.env.CARNET_PSEUDONYM_KEY = `key-${i}`;
      const extracts = await openExtracts(dir);
      const [{id}] = await extracts.engine.all<{id: string}>("SELECT min(insured_id) AS id FROM insured");
      pseudonyms.push(id);
      await extracts.engine.close();
    }
    expect(new Set(pseudonyms).size).toBe(8);
    expect(readdirSync(process.env.CARNET_CACHE)).toHaveLength(6);
  });
});
