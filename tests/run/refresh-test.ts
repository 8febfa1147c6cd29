/**
 * The monthly scenario end to end, as a scheduler runs it: `carnet refresh` on three deliveries made by
 * `carnet generate` (the portfolio as known on 2024-09-30, then the full default delivery, then a corrupt copy of
 * it), `--if-changed` on the published one, and a refresh killed with SIGKILL in the middle of its build. Real
 * builds of the site into a temporary publish folder, with their own staging cache; dist/ is left alone.
 */
import {spawn} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serve} from "../../loaders/site/serve.ts";
import {carnet} from "../cli/run-carnet.ts";
import {launchBrowser, openPage} from "../e2e/browser.ts";

const root = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "carnet-refresh-"));
const publishDir = join(work, "published");
const env = {CARNET_CACHE: join(work, "cache"), CARNET_PSEUDONYM_KEY: "refresh-test-key"};
const SNAPSHOT = "2024-09-30";

interface Drift {
  dimension: string;
  segment: string;
  onset: string;
}
interface FeedAlert {
  id: string;
  dimension: string;
  segment: string;
  status: string;
}

const refresh = (...args: string[]) => carnet(["refresh", "--publish", publishDir, ...args], env);
const current = () => readlinkSync(join(publishDir, "current"));
const currentSite = () => join(publishDir, current());
const runs = () =>
  readFileSync(join(publishDir, "runs.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as {run_id: string; status: string; error: string | null; delivery: string | null});
const apiData = <T>(site: string, name: string) =>
  (JSON.parse(readFileSync(join(site, "api", "v1", `${name}.json`), "utf8")) as {data: T[]}).data;
const truthDrifts = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as {drifts: Drift[]}).drifts;
const plantedId = (d: Drift) => `drift:${d.dimension}:incapacity:${d.segment}`;

/** Processes of a process group that still run (zombies, dead but not yet reaped, do not count). */
function livingProcessesOfGroup(group: number): number[] {
  const living: number[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp ...", comm may hold spaces: read after the last ")".
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()!.split(" ");
      if (Number(fields[2]) === group && fields[0] !== "Z") living.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return living;
}

beforeAll(() => {
  for (const [out, extra] of [
    ["d1", ["--snapshot", SNAPSHOT]],
    ["d2", []]
  ] as const) {
    const run = carnet(["generate", "--out", join(work, out), ...extra], env);
    if (run.code !== 0) throw new Error(run.stderr);
  }
  // The corrupt delivery: the full one with claims.csv's "status" column renamed.
  cpSync(join(work, "d2"), join(work, "d3"), {recursive: true});
  const claims = join(work, "d3", "claims.csv");
  const text = readFileSync(claims, "utf8");
  writeFileSync(claims, text.replace(/^(.*),status\n/, "$1,state\n"));
}, 300_000);

afterAll(() => rmSync(work, {recursive: true, force: true}));

describe("carnet refresh on successive deliveries", {timeout: 900_000}, () => {
  test("publishes the first delivery, which says there is no previous one", () => {
    const run = refresh("--extracts", join(work, "d1"));
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(current()).toMatch(new RegExp(`^deliveries/${SNAPSHOT}-[0-9a-f]{12}/site$`));
    expect(existsSync(join(currentSite(), "index.html"))).toBe(true);
    const alerts = apiData<FeedAlert>(currentSite(), "alerts");
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => a.status))).toEqual(new Set(["new"]));
    expect(run.stderr).toContain("no previous delivery");
  });

  test("shows the drift that started after the first snapshot as new and the earlier ones as continuing", () => {
    const first = apiData<FeedAlert>(currentSite(), "alerts");
    const notified = join(work, "notified-2.json");
    const run = refresh("--extracts", join(work, "d2"), "--notify", `cat > ${notified}`);
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    const feed = apiData<FeedAlert>(currentSite(), "alerts");
    const status = new Map(feed.map((a) => [a.id, a.status]));
    const planted = truthDrifts(join(work, "d2"));
    const later = planted.filter((d) => d.onset > SNAPSHOT.slice(0, 7));
    const earlier = planted.filter((d) => d.onset <= SNAPSHOT.slice(0, 7));
    expect(later.length).toBeGreaterThan(0);
    for (const drift of later) expect(status.get(plantedId(drift)), plantedId(drift)).toBe("new");
    // The earlier drifts the first delivery already alerted are continuing (the sector's, from 2023, at least).
    const alertedBefore = earlier.filter((d) => first.some((a) => a.id === plantedId(d)));
    expect(alertedBefore.some((d) => d.dimension === "sector")).toBe(true);
    for (const drift of alertedBefore) expect(status.get(plantedId(drift)), plantedId(drift)).toBe("continuing");
    // The home page's data says the same.
    const changesFile = readdirSync(join(currentSite(), "_file", "data")).find((f) =>
      /^changes\.[0-9a-f]+\.json$/.test(f)
    )!;
    const changes = JSON.parse(readFileSync(join(currentSite(), "_file", "data", changesFile), "utf8"));
    expect(changes.previous).toBe(SNAPSHOT);
    expect(changes.alerts.new).toBe(feed.filter((a) => a.status === "new").length);
    // Each model version's ROI optimum beside the first delivery's: sixteen more months of decided expertises.
    expect(changes.roi.map((r: {model_version: string}) => r.model_version).sort()).toEqual(["v1", "v2"]);
    for (const r of changes.roi) expect(r.claims, r.model_version).toBeGreaterThan(r.previous_claims);
    // The reporter got the run's record: it published new alerts.
    const record = JSON.parse(readFileSync(notified, "utf8"));
    expect(record).toMatchObject({status: "published", delivery: current().split("/")[1]});
    expect(record.alerts.new).toBeGreaterThan(0);
  });

  test("renders the new alerts on the home page, under 'since the previous delivery', and the history on /runs", async () => {
    const site = await serve(currentSite());
    const browser = await launchBrowser();
    try {
      const visit = await openPage(browser, site.url, "/");
      expect(await visit.problems()).toEqual([]);
      const text = await visit.page.locator(".carnet-since-previous").innerText();
      expect(text).toContain(`Compared with the delivery of ${SNAPSHOT}`);
      const later = truthDrifts(join(work, "d2")).filter((d) => d.onset > SNAPSHOT.slice(0, 7));
      for (const drift of later) expect(text).toContain(drift.segment);
      expect(text).toContain("Expertise targeting: the optimum");
      await visit.close();
      // Its /runs page names the run that built it and holds the run before it, which published the first delivery.
      const runsPage = await openPage(browser, site.url, "/runs");
      expect(await runsPage.problems()).toEqual([]);
      const runsText = await runsPage.page.locator("main").innerText();
      expect(runsText).toContain(`This site is delivery ${current().split("/")[1]}`);
      expect(runsText).toContain(`${SNAPSHOT}-`);
      expect(await runsPage.page.locator("svg").count()).toBeGreaterThan(0);
      await runsPage.close();
    } finally {
      await browser.close();
      await site.close();
    }
  });

  test("refuses a corrupt delivery in one line with exit 2, notifies, and leaves the published site online", () => {
    const before = current();
    const notified = join(work, "notified-3.json");
    const run = refresh("--extracts", join(work, "d3"), "--notify", `cat > ${notified}`);
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("carnet refresh:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/claims\.csv.*"status"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(current()).toBe(before);
    expect(JSON.parse(readFileSync(notified, "utf8")).status).toBe("refused");
    expect(runs().map((r) => r.status)).toEqual(["published", "published", "refused"]);
  });

  test("does nothing with --if-changed when the delivery is the published one", () => {
    const before = current();
    const run = refresh("--extracts", join(work, "d2"), "--if-changed");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("nothing to do");
    expect(current()).toBe(before);
    expect(runs().at(-1)?.status).toBe("unchanged");
  });
});

describe("a refresh killed during its build", {timeout: 900_000}, () => {
  test("leaves current on the previous site, refuses a second refresh meanwhile, and the next run cleans up and publishes", async () => {
    const before = current();
    const child = spawn(
      join(root, "node_modules/.bin/tsx"),
      [join(root, "loaders/cli/carnet.ts"), "refresh", "--publish", publishDir, "--extracts", join(work, "d1")],
      {cwd: root, env: {...process.env, ...env}, stdio: "ignore"}
    );
    const lockFile = join(publishDir, "refresh.lock");
    // Wait until the build has started (the lock names its process group), then give it a few seconds.
    const started = Date.now();
    let owner: {pid: number; run_id: string; build_group?: number} | undefined;
    while (Date.now() - started < 300_000) {
      if (existsSync(lockFile)) {
        try {
          owner = JSON.parse(readFileSync(lockFile, "utf8"));
        } catch {
          owner = undefined;
        }
        if (owner?.build_group) break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(owner?.build_group, "the refresh never reached its build").toBeTruthy();
    await new Promise((r) => setTimeout(r, 5000));

    const second = refresh("--extracts", join(work, "d2"));
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toContain("another refresh is running");

    process.kill(owner!.pid, "SIGKILL");
    await new Promise((r) => child.on("close", r));
    expect(current()).toBe(before);
    expect(existsSync(join(publishDir, before, "index.html"))).toBe(true);
    expect(readdirSync(join(publishDir, "deliveries")).some((n) => n.startsWith(".building-"))).toBe(true);

    const next = refresh("--extracts", join(work, "d1"));
    expect(next.code, next.stderr.slice(-3000)).toBe(0);
    expect(next.stderr).toContain("died without finishing");
    expect(current()).not.toBe(before);
    expect(current()).toMatch(new RegExp(`^deliveries/${SNAPSHOT}-[0-9a-f]{12}-2/site$`));
    expect(readdirSync(join(publishDir, "deliveries")).some((n) => n.startsWith(".building-"))).toBe(false);
    const history = runs();
    expect(history.find((r) => r.run_id === owner!.run_id)).toMatchObject({status: "failed"});
    expect(history.at(-1)?.status).toBe("published");
    // The dead run's build was stopped: no process of its group is left.
    expect(livingProcessesOfGroup(owner!.build_group!)).toEqual([]);
  });
});

describe("the history and the comparison from the command line", () => {
  test("carnet runs lists every run of the publish folder, the killed one as failed", () => {
    const run = carnet(["runs", "--publish", publishDir, "--format", "json"], env);
    expect(run.code, run.stderr).toBe(0);
    const {current: published, runs: listed} = JSON.parse(run.stdout);
    expect(published).toBe(current().split("/")[1]);
    expect(listed.map((r: {status: string}) => r.status)).toEqual(runs().map((r) => r.status));
    const text = carnet(["runs", "--publish", publishDir], env);
    expect(text.stdout.trim().split("\n")).toHaveLength(runs().length + 1);
  });

  test("carnet diff compares a published delivery with an extract folder as the refresh did", () => {
    const first = readdirSync(join(publishDir, "deliveries")).find(
      (n) => n.startsWith(`${SNAPSHOT}-`) && !n.endsWith("-2")
    )!;
    const run = carnet(
      ["diff", "--previous", join(publishDir, "deliveries", first), "--extracts", join(work, "d2"), "--format", "json"],
      env
    );
    expect(run.code, run.stderr).toBe(0);
    const changes = JSON.parse(run.stdout);
    expect(changes.previous).toBe(SNAPSHOT);
    const second = readdirSync(join(publishDir, "deliveries")).find((n) => n.startsWith("2026-01-15-"))!;
    const record = JSON.parse(readFileSync(join(publishDir, "deliveries", second, "delivery.json"), "utf8"));
    expect(changes.alerts).toEqual(record.alerts);
  });
});
