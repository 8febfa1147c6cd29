/** The publish folder's operations on a real file system: publish switches `current` atomically, prune keeps N. */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {
  buildingDir,
  currentDelivery,
  deliveryName,
  ensureLayout,
  listDeliveries,
  prune,
  publish,
  removeAbandoned
} from "../../loaders/run/deliveries.ts";

const work = mkdtempSync(join(tmpdir(), "carnet-deliveries-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

let clock = 0;
function built(dir: string, runId: string, page: string): string {
  const folder = buildingDir(dir, runId);
  mkdirSync(join(folder, "site"), {recursive: true});
  writeFileSync(join(folder, "site", "index.html"), page);
  return folder;
}
function record(dir: string, folder: string, name: string, runId: string): void {
  const published_at = new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
  const delivery = {name, snapshot_date: name.slice(0, 10), fingerprint: name.slice(11), run_id: runId, published_at};
  writeFileSync(
    join(folder, "delivery.json"),
    JSON.stringify({...delivery, rows: {read: 1, accepted: 1, rejected: 0}, alerts: {new: 0, continuing: 0, closed: 0}})
  );
}

describe("the publish folder", () => {
  const dir = join(work, "published");

  test("has nothing current before the first publication", () => {
    mkdirSync(dir);
    ensureLayout(dir);
    expect(currentDelivery(dir)).toBeNull();
  });

  test("points current at the published delivery's site through a relative link", () => {
    const folder = built(dir, "r1", "one");
    record(dir, folder, "2025-01-31-aaaaaaaaaaaa", "r1");
    publish(dir, folder, "2025-01-31-aaaaaaaaaaaa", "r1");
    expect(readlinkSync(join(dir, "current"))).toBe("deliveries/2025-01-31-aaaaaaaaaaaa/site");
    expect(readFileSync(join(dir, "current", "index.html"), "utf8")).toBe("one");
    expect(currentDelivery(dir)).toBe("2025-01-31-aaaaaaaaaaaa");
  });

  test("names a rebuilt delivery with a suffix instead of overwriting the published one", () => {
    expect(deliveryName(dir, "2025-01-31", "aaaaaaaaaaaa")).toBe("2025-01-31-aaaaaaaaaaaa-2");
    expect(deliveryName(dir, "2025-02-28", "bbbbbbbbbbbb")).toBe("2025-02-28-bbbbbbbbbbbb");
  });

  test("removes folders being built and links being switched by runs that died, and nothing else", () => {
    built(dir, "dead", "half");
    writeFileSync(join(dir, ".current-dead"), "");
    expect(removeAbandoned(dir).sort()).toEqual([".current-dead", "deliveries/.building-dead"]);
    expect(readdirSync(join(dir, "deliveries"))).toEqual(["2025-01-31-aaaaaaaaaaaa"]);
    expect(readFileSync(join(dir, "current", "index.html"), "utf8")).toBe("one");
  });

  test("keeps the last N deliveries, oldest removed first, never the current one", () => {
    for (const [i, name] of [
      "2025-02-28-bbbbbbbbbbbb",
      "2025-03-31-cccccccccccc",
      "2025-04-30-dddddddddddd"
    ].entries()) {
      const folder = built(dir, `r${i + 2}`, name);
      record(dir, folder, name, `r${i + 2}`);
      publish(dir, folder, name, `r${i + 2}`);
    }
    expect(listDeliveries(dir).map((d) => d.name)).toHaveLength(4);
    expect(prune(dir, 2)).toEqual(["2025-01-31-aaaaaaaaaaaa", "2025-02-28-bbbbbbbbbbbb"]);
    expect(listDeliveries(dir).map((d) => d.name)).toEqual(["2025-03-31-cccccccccccc", "2025-04-30-dddddddddddd"]);
    expect(readFileSync(join(dir, "current", "index.html"), "utf8")).toBe("2025-04-30-dddddddddddd");
    expect(prune(dir, 1)).toEqual(["2025-03-31-cccccccccccc"]);
    expect(existsSync(join(dir, "deliveries", "2025-04-30-dddddddddddd"))).toBe(true);
  });
});
