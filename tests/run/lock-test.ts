/** One refresh per publish folder; a lock left by a dead process is taken over, a live one refused in one line. */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {RefreshLock} from "../../loaders/run/lock.ts";

const work = mkdtempSync(join(tmpdir(), "carnet-lock-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** A pid that no process has: a short-lived child's, once it has exited. */
function deadPid(): number {
  return Number(spawnSync("sh", ["-c", "echo $$"], {encoding: "utf8"}).stdout.trim());
}

describe("RefreshLock", () => {
  test("is taken, refused to a second taker while held, and free again once released", () => {
    const {lock, tookOverFrom} = RefreshLock.acquire(work, "first");
    expect(tookOverFrom).toBeNull();
    expect(() => RefreshLock.acquire(work, "second")).toThrow(/another refresh is running .*run first/);
    lock.release();
    expect(existsSync(join(work, "refresh.lock"))).toBe(false);
    RefreshLock.acquire(work, "third").lock.release();
  });

  test("is taken over from a process that died holding it", () => {
    const pid = deadPid();
    writeFileSync(
      join(work, "refresh.lock"),
      JSON.stringify({pid, run_id: "dead", started_at: "2026-01-01T00:00:00Z"})
    );
    const {lock, tookOverFrom} = RefreshLock.acquire(work, "alive");
    expect(tookOverFrom).toMatchObject({pid, run_id: "dead"});
    lock.release();
  });

  test("is taken over from a lock file cut short by a crash", () => {
    writeFileSync(join(work, "refresh.lock"), '{"pid": 12');
    const {lock} = RefreshLock.acquire(work, "after-crash");
    lock.release();
  });
});
