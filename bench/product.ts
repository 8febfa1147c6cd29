/**
 * The product at a scale, step by step, each step in its own process (bench/measure.ts): staging a delivery into
 * a cold cache, the preparation (`carnet prepare`), every page loader of src/data/ with the warm cache (wall time, peak RSS, bytes written), then the
 * whole `npm run build` into a scratch folder with the data published per page; beside them, in the same run, the
 * bare DuckDB references: a typed load of the six CSV files to Parquet, and drift's exposure cube as one naive
 * statement over the CSV files (a range join of insured and months grouped by contract, month, sex, job category
 * and age band).
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {measure, type Measured} from "./measure.ts";

export interface ProductRun {
  staging: Measured;
  /** `carnet prepare`: drift's, ROI's and the value report's shared work, once per delivery. */
  prepare: Measured;
  loaders: (Measured & {loader: string})[];
  build: Measured;
  /** Page → data files it fetches, from Framework's build summary (kB). */
  pages: {page: string; files_kb: number}[];
  bare_load: Measured;
  bare_exposure: Measured;
  /** The built drift page in Chromium: first chart and drill-down times (bench/drift.ts browserDrift). */
  browser: Record<string, number>;
  /** With a cluster: `carnet ingest` of the delivery, then `carnet prepare` on CARNET_ENGINE (cold caches). */
  clickhouse?: {ingest: Measured; prepare: Measured};
}

export interface ClusterTarget {
  url: string;
  shards: string;
}

/** The naive cube is a reference, not the product: past this it is stopped and reported as slower than that. */
const BARE_EXPOSURE_LIMIT_S = 600;

const CSV_FILES = ["contracts", "insured", "premiums", "claims", "expertises", "scores"];

/** One DuckDB statement per file: the typed load a staging step cannot beat (no validation, no pseudonyms). */
function bareLoadScript(dir: string, out: string): string {
  return `import {DuckDBInstance} from "@duckdb/node-api";
const db = await (await DuckDBInstance.create(":memory:")).connect();
for (const f of ${JSON.stringify(CSV_FILES)}) {
  await db.run(\`COPY (SELECT * FROM read_csv('${dir}/\${f}.csv')) TO '${out}/\${f}.parquet' (FORMAT parquet)\`);
}`;
}

/** Drift's exposure as one naive statement over the CSVs: insured x months, grouped to the cube. */
function bareExposureScript(dir: string): string {
  return `import {DuckDBInstance} from "@duckdb/node-api";
const db = await (await DuckDBInstance.create(":memory:")).connect();
const reader = await db.runAndReadAll(\`
WITH i AS (SELECT * FROM read_csv('${dir}/insured.csv')),
months AS (SELECT CAST(m AS DATE) AS m FROM range(DATE '2019-01-01', DATE '2026-01-01', INTERVAL 1 MONTH) t(m)),
cover AS (SELECT contract_id, sex, job_category, birth_date, coverage_start AS f,
                 coalesce(coverage_end + 1, DATE '2026-01-01') AS u FROM i)
SELECT contract_id, m, sex, job_category, (date_diff('year', birth_date, m) // 10) * 10 AS band,
       sum(date_diff('day', greatest(f, m), least(u, CAST(m + INTERVAL 1 MONTH AS DATE)))) / 365.25 AS years
FROM cover JOIN months ON f < CAST(m + INTERVAL 1 MONTH AS DATE) AND u > m
GROUP BY ALL\`);
process.stdout.write(String(reader.getRowObjects().length));`;
}

/** Framework's summary lines "├── claims-drift   42 kB   1.409 MB   5.602 MB": the last column is the data. */
function pageSizes(output: string): {page: string; files_kb: number}[] {
  const pages: {page: string; files_kb: number}[] = [];
  for (const line of output.split("\n")) {
    const match = /[├└│─\s]+([\w-]+)\s+[\d.]+ [kM]?B\s+[\d.]+ [kM]?B\s+([\d.]+) ([kM]?B)\s*$/.exec(line);
    if (match)
      pages.push({
        page: match[1],
        files_kb: Number(match[2]) * (match[3] === "MB" ? 1000 : match[3] === "kB" ? 1 : 0.001)
      });
  }
  return pages;
}

export function benchProduct(root: string, extracts: string, cluster?: ClusterTarget): ProductRun {
  const tsx = join(root, "node_modules/.bin/tsx");
  const cache = mkdtempSync(join(tmpdir(), "carnet-bench-cache-"));
  const scratch = mkdtempSync(join(tmpdir(), "carnet-bench-"));
  const env = {...process.env, CARNET_EXTRACTS: extracts, CARNET_CACHE: cache, CARNET_PSEUDONYM_KEY: "bench-key"};
  try {
    const say = (message: string) => process.stderr.write(`bench: ${message}\n`);
    say("staging (cold cache)");
    const staging = measure(tsx, ["loaders/cli/carnet.ts", "check", "--extracts", extracts], {cwd: root, env});
    say("prepare (warm staging cache)");
    const prepare = measure(tsx, ["loaders/cli/carnet.ts", "prepare", "--extracts", extracts], {cwd: root, env});
    const loaders = readdirSync(join(root, "src/data"))
      .filter((f) => /\.(json|csv|arrow)\.ts$/.test(f))
      .sort()
      .map((file) => {
        say(`loader ${file}`);
        return {loader: file, ...measure(tsx, [join("src/data", file)], {cwd: root, env})};
      });
    say("npm run build (warm staging and prepared caches, cold loader cache)");
    const output = join(scratch, "site");
    const build = measure("npm", ["run", "--silent", "build", "--", "--config", "scripts/clickhouse/site.config.ts"], {
      cwd: root,
      // Framework imports a config other than observablehq.config.ts without a TypeScript loader: give it tsx's.
      env: {
        ...env,
        CARNET_SITE_OUTPUT: output,
        NODE_OPTIONS: `--import tsx/esm ${process.env.NODE_OPTIONS ?? ""}`.trim()
      }
    });
    say("the drift page in Chromium");
    const browser = browserFigures(tsx, root, output);
    say("bare references");
    const bare_load = measure("node", ["--input-type=module", "-e", bareLoadScript(extracts, scratch)], {cwd: root});
    const bare_exposure = measure("node", ["--input-type=module", "-e", bareExposureScript(extracts)], {
      cwd: root,
      timeoutSeconds: BARE_EXPOSURE_LIMIT_S
    });
    const clickhouse = cluster && benchCluster(tsx, root, extracts, cluster, env);
    return {
      staging,
      prepare,
      loaders,
      build,
      pages: pageSizes(build.output),
      bare_load,
      bare_exposure,
      browser,
      clickhouse
    };
  } finally {
    rmSync(cache, {recursive: true, force: true});
    rmSync(scratch, {recursive: true, force: true});
  }
}

function browserFigures(tsx: string, root: string, site: string): Record<string, number> {
  try {
    const out = execFileSync(tsx, ["bench/drift-browser.ts", site], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"]
    });
    return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
  } catch (error) {
    process.stderr.write(`bench: the drift page in Chromium failed: ${(error as Error).message.split("\n")[0]}\n`);
    return {};
  }
}

/** The same delivery on the cluster: ingest, then the preparation pushed down (its own cold caches). */
function benchCluster(
  tsx: string,
  root: string,
  extracts: string,
  cluster: ClusterTarget,
  env: NodeJS.ProcessEnv
): {ingest: Measured; prepare: Measured} {
  const cache = mkdtempSync(join(tmpdir(), "carnet-bench-cache-"));
  try {
    const own = {...env, CARNET_CACHE: cache};
    process.stderr.write("bench: carnet ingest into the 2-shard cluster\n");
    const ingest = measure(
      tsx,
      ["loaders/cli/carnet.ts", "ingest", "--engine", cluster.url, "--shards", cluster.shards, "--extracts", extracts],
      {cwd: root, env: own}
    );
    process.stderr.write("bench: carnet prepare on the cluster\n");
    const prepare = measure(tsx, ["loaders/cli/carnet.ts", "prepare", "--extracts", extracts], {
      cwd: root,
      env: {...own, CARNET_ENGINE: cluster.url}
    });
    return {ingest, prepare};
  } finally {
    rmSync(cache, {recursive: true, force: true});
  }
}
