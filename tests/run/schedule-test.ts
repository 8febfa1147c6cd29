/**
 * The README's scheduling examples, as written: the systemd service and timer pass `systemd-analyze verify` and the
 * timer fires on the 3rd to the 10th at 06:00; the cron line's schedule is that too, and its command, run with the
 * README's paths pointed at a temporary folder, reaches `carnet refresh` with its flags, appends to its log, records
 * the run and calls the reporter (a missing delivery: refused in one line, exit 2, nothing built).
 */
import {spawnSync} from "node:child_process";
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, describe, expect, test} from "vitest";

const root = resolve(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const work = mkdtempSync(join(tmpdir(), "carnet-schedule-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const blocks = (language: string) =>
  [...readme.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);

describe("the README's systemd units", () => {
  const [service, timer] = blocks("ini");

  test("are a service and a timer that systemd-analyze verifies", () => {
    writeFileSync(join(work, "carnet-refresh.service"), service);
    writeFileSync(join(work, "carnet-refresh.timer"), timer);
    const verify = spawnSync(
      "systemd-analyze",
      ["verify", join(work, "carnet-refresh.service"), join(work, "carnet-refresh.timer")],
      {encoding: "utf8"}
    );
    expect(verify.status, verify.stderr).toBe(0);
    expect(service).toMatch(/ExecStart=.* carnet -- refresh .*--if-changed/);
  });

  test("fire on the 3rd to the 10th of the month at 06:00", () => {
    const calendar = /OnCalendar=(.*)/.exec(timer)![1];
    const next = spawnSync(
      "systemd-analyze",
      ["calendar", "--iterations=10", "--base-time=2027-01-01 00:00:00 UTC", calendar],
      {encoding: "utf8", env: {...process.env, TZ: "UTC"}}
    );
    expect(next.status, next.stderr).toBe(0);
    const elapses = [...next.stdout.matchAll(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(elapses.slice(0, 9)).toEqual([
      ...["03", "04", "05", "06", "07", "08", "09", "10"].map((d) => `2027-01-${d} 06:00:00`),
      "2027-02-03 06:00:00"
    ]);
  });
});

describe("the README's cron line", () => {
  const line = blocks("cron")[0].trim();
  const fields = line.split(/\s+/);

  test("runs at 06:00 on the 3rd to the 10th of every month", () => {
    expect(fields.slice(0, 5)).toEqual(["0", "6", "3-10", "*", "*"]);
  });

  test("runs a refresh that records the run, logs, and calls the reporter", () => {
    const relay = join(work, "relay.sh");
    writeFileSync(relay, `#!/bin/sh\ncat > ${join(work, "notified.json")}\n`);
    chmodSync(relay, 0o755);
    writeFileSync(join(work, "key"), "schedule-test-key\n");
    const command = line
      .split(/\s+/)
      .slice(5)
      .join(" ")
      .replace("cd /opt/carnet", `cd ${root}`)
      .replace("/etc/carnet/key", join(work, "key"))
      .replace("/srv/extracts/incoming", join(work, "no-delivery-yet"))
      .replace("/srv/carnet", join(work, "published"))
      .replace("/usr/local/bin/carnet-relay", relay)
      .replace("/var/log/carnet-refresh.log", join(work, "refresh.log"));
    const run = spawnSync("sh", ["-c", `${command}; echo "exit $?" >> ${join(work, "refresh.log")}`], {
      encoding: "utf8",
      env: {...process.env, CARNET_CACHE: join(work, "cache")}
    });
    expect(run.status).toBe(0);
    const log = readFileSync(join(work, "refresh.log"), "utf8");
    expect(log).toMatch(/^carnet refresh: delivery refused: .*no-delivery-yet: extract folder not found$/m);
    expect(log.trim().split("\n").at(-1)).toBe("exit 2");
    const record = JSON.parse(readFileSync(join(work, "notified.json"), "utf8"));
    expect(record).toMatchObject({status: "refused", steps: [{name: "check", status: "failed"}]});
    const history = readFileSync(join(work, "published", "runs.jsonl"), "utf8")
      .trim()
      .split("\n");
    expect(history.map((l) => JSON.parse(l).run_id)).toEqual([record.run_id]);
  });
});
