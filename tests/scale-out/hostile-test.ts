/**
 * Hostile values on both engines: every place a user value reaches SQL (segment values such as contract ids,
 * guarantee lists, the model version, dates, dimension names, database names) either goes through literal()
 * and comes back unchanged, or is refused by validation before any SQL is built. The extract carries a
 * contract id and a model version made of quotes, backslashes, a statement terminator and non-ASCII text.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {aeCells} from "../../loaders/drift/cells.ts";
import {parseDimension} from "../../loaders/drift/dimensions.ts";
import {prepareDrift} from "../../loaders/drift/prepare.ts";
import {ClickHouseEngine, parseClickHouseUrl} from "../../loaders/engine/clickhouse.ts";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import type {Engine} from "../../loaders/engine/engine.ts";
import {clickhouseLiteral, identifier, literal} from "../../loaders/engine/sql.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {ingest} from "../../loaders/ingest/ingest.ts";
import {loadScoredClaims} from "../../loaders/roi/scored-claims.ts";
import {SERVER, shards, startCluster, stopCluster} from "../../scripts/clickhouse/cluster.ts";
import {carnet} from "../cli/run-carnet.ts";
import {firstDifference} from "./equal.ts";

const HOSTILE_CONTRACT = `CT'; DROP TABLE claims; --\\ "é" ☃ \\'`;
const HOSTILE_MODEL = `v1' OR '1'='1\\`;
const hostileValues = [
  HOSTILE_CONTRACT,
  HOSTILE_MODEL,
  "'",
  "\\",
  "\\'",
  "''",
  "a\nb",
  "é漢字🙂",
  "'); DROP TABLE insured; --"
];

const work = mkdtempSync(join(tmpdir(), "carnet-hostile-"));
const clusterDir = join(work, "cluster");
const extracts = join(work, "extracts");
const url = `clickhouse://127.0.0.1:${shards[0].http}/carnet_hostile`;

const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Replaces a whole CSV field value everywhere in a file (the ids are fixed-width, so no partial match). */
function replaceField(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(new RegExp(`(^|,)${from}(?=,|\\r?$)`, "gm"), `$1${csvField(to)}`));
}

async function onBoth<T>(run: (engine: Engine, dir: string) => Promise<T>): Promise<[T, T]> {
  const out: T[] = [];
  for (const engineUrl of [undefined, url]) {
    if (engineUrl) process.env.CARNET_ENGINE = engineUrl;
    else delete process.env.CARNET_ENGINE;
    const opened = await openExtracts(extracts);
    try {
      out.push(await run(opened.engine, opened.dir));
    } finally {
      await opened.engine.close();
      delete process.env.CARNET_ENGINE;
    }
  }
  return [out[0], out[1]];
}

const savedKey = process.env.CARNET_PSEUDONYM_KEY;

beforeAll(async () => {
  if (!existsSync(SERVER))
    throw new Error(`${SERVER} is missing: apt-get install clickhouse-server (the scale-out test needs it)`);
  process.env.CARNET_PSEUDONYM_KEY = "scale-out-test-key";
  await startCluster(clusterDir);
  const generated = carnet(["generate", "--out", extracts, "--seed", "5", "--scale", "0.1"]);
  if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
  for (const file of ["contracts.csv", "insured.csv", "premiums.csv", "claims.csv"])
    replaceField(join(extracts, file), "CT000001", HOSTILE_CONTRACT);
  replaceField(join(extracts, "scores.csv"), "v1", HOSTILE_MODEL);
  await ingest({url, extracts, shards: shards.map((s) => `127.0.0.1:${s.http}`)});
});

afterAll(async () => {
  if (savedKey === undefined) delete process.env.CARNET_PSEUDONYM_KEY;
  else process.env.CARNET_PSEUDONYM_KEY = savedKey;
  await stopCluster(clusterDir);
  rmSync(work, {recursive: true, force: true});
});

describe("hostile values reach SQL only as escaped literals", () => {
  it("come back unchanged from each engine's literal", async () => {
    const duck = await DuckDbEngine.open();
    const house = await ClickHouseEngine.connect(url);
    try {
      for (const value of hostileValues) {
        expect((await duck.all<{v: string}>(`SELECT ${literal(value)} AS v`))[0].v).toBe(value);
        expect((await house.all<{v: string}>(`SELECT ${clickhouseLiteral(value)} AS v`))[0].v).toBe(value);
      }
    } finally {
      await duck.close();
      await house.close();
    }
  });

  it("refuses a NUL character in a value on both engines (DuckDB's parser would cut the statement there)", () => {
    expect(() => literal("a\u0000'; DROP TABLE claims")).toThrow(/NUL/);
    expect(() => clickhouseLiteral("a\u0000'; DROP TABLE claims")).toThrow(/NUL/);
  });

  it("a hostile contract id is a segment like any other, with equal cells on both engines", async () => {
    const [duck, house] = await onBoth(async (engine, dir) => {
      const drift = await prepareDrift(engine, {extractsDir: dir});
      try {
        return await aeCells(drift, "contract", "quarter", ["incapacity", `incapacity' OR 'x'='x`, HOSTILE_CONTRACT]);
      } finally {
        await drift.close();
      }
    });
    expect(duck.some((cell) => cell.segment === HOSTILE_CONTRACT)).toBe(true);
    expect(duck.every((cell) => cell.guarantee === "incapacity")).toBe(true);
    expect(firstDifference(duck, house)).toBeNull();
  });

  it("a hostile model version selects exactly its own scores on both engines", async () => {
    const [duck, house] = await onBoth((engine) => loadScoredClaims(engine, {model: HOSTILE_MODEL}));
    expect(duck.length).toBeGreaterThan(0);
    expect(firstDifference(duck, house)).toBeNull();
    const [none] = await onBoth((engine) => loadScoredClaims(engine, {model: `${HOSTILE_MODEL}' OR 1=1 --`}));
    expect(none).toEqual([]);
  });

  it("leaves every table in place (nothing was executed from a value)", async () => {
    const house = await ClickHouseEngine.connect(url);
    try {
      const tables = (
        await house.all<{name: string}>(
          "SELECT name FROM system.tables WHERE database = 'carnet_hostile' ORDER BY name"
        )
      ).map((r) => r.name);
      for (const name of ["claims", "contracts", "insured", "premiums", "expertises", "scores"])
        expect(tables).toContain(name);
      expect((await house.all<{n: number}>("SELECT count() AS n FROM claims"))[0].n).toBeGreaterThan(0);
    } finally {
      await house.close();
    }
  });
});

describe("hostile names and dates are refused before any SQL is built", () => {
  it("refuses identifiers that are not plain names", () => {
    for (const name of ["claims; DROP TABLE x", "a b", "x'", 'x"', "1abc", "é", "a.b", ""])
      expect(() => identifier(name)).toThrow(/not a valid SQL identifier/);
  });

  it("refuses a dimension that is not one of the known ones", () => {
    expect(() => parseDimension("contract_id; DROP TABLE claims")).toThrow(/--by expects one of/);
  });

  it("refuses dates that are not YYYY-MM-DD, on both engines", async () => {
    for (const from of ["2021-01-01' OR '1'='1", "2021-01-01; DROP TABLE claims", "01/01/2021"]) {
      const [duck, house] = await onBoth((engine) =>
        prepareDrift(engine, {from}).then(
          () => "accepted",
          (e: Error) => e.message
        )
      );
      expect(duck).toMatch(/--from expects a date YYYY-MM-DD/);
      expect(house).toBe(duck);
    }
  });

  it("refuses a database name that is not a plain name in CARNET_ENGINE", () => {
    expect(() => parseClickHouseUrl("clickhouse://127.0.0.1:18121/carnet%3B%20DROP%20DATABASE%20x")).toThrow(
      /not a valid SQL identifier/
    );
  });
});
