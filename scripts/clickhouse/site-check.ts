/**
 * "Setting CARNET_ENGINE to the test cluster builds the same site":
 *   tsx scripts/clickhouse/site-check.ts [--against dist] [--keep-cluster]
 * 1. starts the 2-shard cluster (scripts/clickhouse/cluster.ts; a cluster already on the ports is reused),
 * 2. ingests the embedded default extract folder (data/extracts, or CARNET_EXTRACTS) into database carnet_site,
 * 3. builds the site twice from the same tree, with CARNET_ENGINE unset (.clickhouse/site-dist-duckdb) and
 *    pointing at the cluster (.clickhouse/site-dist); dist/ is left alone,
 * 4. compares every data file of the two builds: counts exact, other numbers within 1e-9 relative (the
 *    provenance footer's build date, commit and dirty flag aside); `--against DIR` compares with a site
 *    already built by DuckDB from the same tree instead of building one (what the test in `npm test` does),
 * 5. runs the browser page test (tests/e2e/pages-test.ts) against the ClickHouse-built site,
 * 6. stops the servers it started, by PID.
 * Exit 0 when all holds; otherwise the differences on stderr and exit 1.
 */
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {csvParse} from "d3";
import {ingest} from "../../loaders/ingest/ingest.ts";
import {firstDifference} from "../../tests/scale-out/equal.ts";
import {shards, startCluster, stopCluster} from "./cluster.ts";

const root = resolve(import.meta.dirname, "../..");
const clusterDir = join(root, ".clickhouse", "site-cluster");
const output = join(root, ".clickhouse", "site-dist");
const duckdbOutput = join(root, ".clickhouse", "site-dist-duckdb");
const url = `clickhouse://127.0.0.1:${shards[0].http}/carnet_site`;

function say(message: string): void {
  process.stderr.write(`site-check: ${message}\n`);
}

/** Framework imports a config file other than observablehq.config.ts without a TypeScript loader: give it tsx's. */
const withTsConfig = (env: Record<string, string | undefined>) => ({
  ...env,
  NODE_OPTIONS: `--import tsx/esm ${process.env.NODE_OPTIONS ?? ""}`.trim()
});

function run(command: string, args: string[], env: Record<string, string | undefined> = {...process.env}): number {
  // Unset values are left out (a nested vitest must not write the outer run's JSON report, for one).
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  const result = spawnSync(command, args, {cwd: root, stdio: "inherit", env: clean});
  return result.status ?? 1;
}

/** Every data file under _file/ (data/x.<hash>.arrow -> data/x.arrow) -> parsed content. */
function dataFiles(dist: string): Map<string, unknown> {
  const dir = join(dist, "_file");
  const out = new Map<string, unknown>();
  const files = existsSync(dir) ? (readdirSync(dir, {recursive: true}) as string[]) : [];
  for (const file of files.filter((f) => /\.(arrow|json|csv)$/.test(f))) {
    const name = file.replace(/\.[0-9a-f]{8}\./, ".");
    const bytes = readFileSync(join(dir, file));
    if (name.endsWith(".arrow"))
      out.set(
        name,
        tableFromIPC(bytes)
          .toArray()
          .map((row) =>
            Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))
          )
      );
    else if (name.endsWith(".json")) out.set(name, JSON.parse(bytes.toString("utf8")));
    else if (name.endsWith(".csv")) out.set(name, csvParse(bytes.toString("utf8")));
  }
  return out;
}

/** What legitimately differs between two builds: when and from which commit they were made. */
function withoutBuildStamp(name: string, value: unknown): unknown {
  if (!name.endsWith("provenance.json") || !value || typeof value !== "object") return value;
  const {build_date: _d, commit: _c, dirty: _t, ...rest} = value as Record<string, unknown>;
  return rest;
}

export interface SiteCheckOptions {
  keepCluster?: boolean;
  /** A DuckDB-built site to compare with (e.g. dist/ right after `npm run build`) instead of building one. */
  against?: string;
}

export async function siteCheck(options: SiteCheckOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  const duckdbSite = options.against ? resolve(options.against) : duckdbOutput;
  if (options.against) {
    if (!existsSync(join(duckdbSite, "index.html")))
      return [`${duckdbSite}/index.html is missing: build the site first`];
  } else {
    say("building with the embedded DuckDB");
    rmSync(duckdbOutput, {recursive: true, force: true});
    const duckEnv: Record<string, string | undefined> = withTsConfig({
      ...process.env,
      CARNET_SITE_OUTPUT: duckdbOutput
    });
    delete duckEnv.CARNET_ENGINE;
    if (run("npm", ["run", "--silent", "build", "--", "--config", "scripts/clickhouse/site.config.ts"], duckEnv) !== 0)
      return ["the DuckDB build failed"];
  }
  say("starting the cluster");
  await startCluster(clusterDir);
  try {
    const extracts = process.env.CARNET_EXTRACTS
      ? resolve(process.env.CARNET_EXTRACTS)
      : join(root, "data", "extracts");
    say(`ingesting ${extracts}`);
    await ingest({url, extracts, shards: shards.map((s) => `127.0.0.1:${s.http}`), progress: (m) => say(m)});
    rmSync(output, {recursive: true, force: true});
    say(`building with CARNET_ENGINE=${url} into ${output}`);
    if (
      run(
        "npm",
        ["run", "--silent", "build", "--", "--config", "scripts/clickhouse/site.config.ts"],
        withTsConfig({...process.env, CARNET_ENGINE: url, CARNET_SITE_OUTPUT: output})
      ) !== 0
    ) {
      return ["the build with CARNET_ENGINE set failed"];
    }
    const duck = dataFiles(duckdbSite);
    const house = dataFiles(output);
    if (![...duck.keys()].length) problems.push("the DuckDB build holds no data files");
    for (const [name, value] of duck) {
      if (!house.has(name)) {
        problems.push(`${name}: missing from the ClickHouse build`);
        continue;
      }
      const difference = firstDifference(withoutBuildStamp(name, value), withoutBuildStamp(name, house.get(name)));
      if (difference) problems.push(`${name}: ${difference}`);
      else say(`${name}: equal`);
    }
    say("page test on the ClickHouse-built site");
    if (
      run(join(root, "node_modules/.bin/vitest"), ["run", "tests/e2e/pages-test.ts"], {
        ...process.env,
        CARNET_DIST: output,
        CARNET_TEST_REPORT: undefined
      }) !== 0
    )
      problems.push("the page test failed on the ClickHouse-built site");
  } finally {
    if (!options.keepCluster) await stopCluster(clusterDir);
  }
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const against = process.argv.indexOf("--against");
  siteCheck({
    keepCluster: process.argv.includes("--keep-cluster"),
    against: against > 0 ? process.argv[against + 1] : undefined
  }).then(
    (problems) => {
      for (const p of problems) process.stderr.write(`site-check: DIFFERENT ${p}\n`);
      say(
        problems.length
          ? `${problems.length} problem(s)`
          : "the ClickHouse-built site equals the DuckDB one and passes the page test"
      );
      process.exit(problems.length ? 1 : 0);
    },
    (error) => {
      process.stderr.write(`site-check: ${(error as Error).message.split("\n")[0]}\n`);
      process.exit(1);
    }
  );
}
