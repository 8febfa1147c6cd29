import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {projectRoot} from "../../loaders/catalog/root.ts";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {carnet} from "../cli/run-carnet.ts";

const root = projectRoot();

describe("the SQL example's loader", () => {
  test("counts incapacity claims per 1,000 insured by sector and year, masking cells under 11 insured", async () => {
    const engine = await DuckDbEngine.open();
    try {
      await engine.run(
        `CREATE TABLE contracts AS SELECT * FROM (VALUES ('K1', '86.10Z'), ('K2', '49.41A')) t(contract_id, sector_naf)`
      );
      // 20 insured in 86.10Z, 5 in 49.41A.
      await engine.run(
        `CREATE TABLE insured AS SELECT 'I' || i AS insured_id, CASE WHEN i <= 20 THEN 'K1' ELSE 'K2' END AS contract_id FROM range(1, 26) r(i)`
      );
      // 86.10Z: 12 incapacity claims of 12 insured in 2024, 1 disability claim; 49.41A: 3 incapacity claims in 2024.
      await engine.run(`CREATE TABLE claims AS
        SELECT 'I' || i AS insured_id, 'K1' AS contract_id, 'incapacity' AS guarantee, DATE '2024-05-01' AS event_date FROM range(1, 13) r(i)
        UNION ALL SELECT 'I1', 'K1', 'disability', DATE '2024-06-01'
        UNION ALL SELECT 'I' || i, 'K2', 'incapacity', DATE '2024-02-01' FROM range(21, 24) r(i)`);
      const sql = readFileSync(join(root, "src/examples/data/incapacity-by-sector.csv.sql"), "utf8");
      expect(await engine.all(sql.replace(/;\s*$/, ""))).toEqual([
        {sector_naf: "49.41A", year: 2024, insured: 5, claims: null, claims_per_1000_insured: null},
        {sector_naf: "86.10Z", year: 2024, insured: 20, claims: 12, claims_per_1000_insured: 600}
      ]);
    } finally {
      await engine.close();
    }
  });
});

/** Runs Python as the build runs Python loaders: the project's .venv, the helper and the network guard on the path. */
function python(args: string[], env: Record<string, string> = {}) {
  return spawnSync(join(root, ".venv/bin/python"), args, {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, CARNET_HOME: root, PYTHONPATH: join(root, "python"), CARNET_TABLES: "", ...env}
  });
}

describe("the Python example's loader", () => {
  test("the helper masks rows describing fewer than 11 people, keeping their keys", () => {
    const run = python([
      "-c",
      `import carnet, pandas as pd, json
df = pd.DataFrame({"year": [2024, 2025], "insured": [10, 11], "cost": [100.0, 200.0]})
out = carnet.mask_small(df, count="insured")
print(json.dumps(out.astype(object).where(out.notna(), None).to_dict(orient="records")))`
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {year: 2024, insured: null, cost: null, masked: true},
      {year: 2025, insured: 11, cost: 200, masked: false}
    ]);
  });

  test("a Python loader cannot reach another host", () => {
    const run = python([
      "-c",
      "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.com', timeout=5)\nexcept Exception as e:\n    print(type(e).__name__, e)"
    ]);
    expect(run.stdout).toMatch(/network access refused for example\.com/);
    const local = python([
      "-c",
      "import socket\ns = socket.socket()\ntry:\n    s.connect(('127.0.0.1', 9))\nexcept ConnectionRefusedError:\n    print('loopback allowed')"
    ]);
    expect(local.stdout).toMatch(/loopback allowed/);
  });
});

/** Runs R as the build runs R loaders: Rscript, with CARNET_HOME for the helper and the network guard. */
function rscript(args: string[]) {
  return spawnSync("Rscript", args, {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, CARNET_HOME: root, R_PROFILE_USER: join(root, "R", "rprofile.R")}
  });
}

describe("the R example's loader", () => {
  test("fits a Poisson GLM whose one-factor relativity equals the ratio of crude frequencies in SQL", () => {
    // A model with one factor is saturated in it: exp(beta) is exactly (claims_M / exposure_M) / (claims_F / exposure_F).
    const fit = rscript([
      "-e",
      `source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))
cells <- carnet_query("SELECT i.sex, sum(date_diff('day', i.coverage_start, coalesce(i.coverage_end + 1, DATE '2026-01-16'))) / 365.25 AS exposure, count(k.claim_id) AS claims FROM insured i LEFT JOIN (SELECT * FROM claims WHERE guarantee = 'incapacity') k ON k.insured_id = i.insured_id GROUP BY i.sex")
cells$sex <- relevel(factor(cells$sex), ref = "F")
m <- glm(claims ~ sex + offset(log(exposure)), family = poisson(), data = cells)
cat(format(exp(coef(m)[["sexM"]]), digits = 15))`
    ]);
    expect(fit.status, fit.stderr).toBe(0);
    const crude = carnet([
      "query",
      `WITH c AS (SELECT i.sex, sum(date_diff('day', i.coverage_start, coalesce(i.coverage_end + 1, DATE '2026-01-16'))) / 365.25 AS e,
                         count(k.claim_id) AS n
                  FROM insured i LEFT JOIN (SELECT * FROM claims WHERE guarantee = 'incapacity') k ON k.insured_id = i.insured_id
                  GROUP BY i.sex)
       SELECT (SELECT n / e FROM c WHERE sex = 'M') / (SELECT n / e FROM c WHERE sex = 'F') AS ratio`,
      "--format",
      "json"
    ]);
    const ratio = (JSON.parse(crude.stdout) as {ratio: number}[])[0].ratio;
    expect(Math.abs(Number(fit.stdout) - ratio)).toBeLessThanOrEqual(1e-9 * ratio);
  });

  test("publishes relativities with 95% intervals per level, 1 at each base level, from the governed tables", () => {
    const run = rscript([join(root, "src/examples/data/incapacity-glm.json.R")]);
    expect(run.status, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as {
      term: string;
      level: string;
      base: boolean;
      relativity: number | null;
      low: number | null;
      high: number | null;
      masked: boolean;
    }[];
    expect(new Set(rows.map((r) => r.term))).toEqual(new Set(["age_band", "sex", "job_category"]));
    for (const term of ["age_band", "sex", "job_category"])
      expect(rows.filter((r) => r.term === term && r.base).map((r) => r.relativity)).toEqual([1]);
    for (const r of rows.filter((r) => !r.base && !r.masked)) {
      expect(r.low!).toBeLessThan(r.relativity!);
      expect(r.relativity!).toBeLessThan(r.high!);
    }
    // The generator makes sick leave rise with age: the oldest shown band above the base.
    const bands = rows.filter((r) => r.term === "age_band" && !r.masked).sort((a, b) => a.level.localeCompare(b.level));
    expect(bands.at(-1)!.relativity!).toBeGreaterThan(1);
    expect(run.stdout).not.toMatch(/insured_id|"[0-9a-f]{16}"/);
  });

  test("the R helper masks rows describing fewer than 11 people and publishes JSON", () => {
    const run = rscript([
      "-e",
      `source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))
carnet_publish(carnet_mask_small(data.frame(year = c(2024, 2025), insured = c(10, 11), cost = c(1.5, 2))), "json")`
    ]);
    expect(JSON.parse(run.stdout)).toEqual([
      {year: 2024, insured: null, cost: null, masked: true},
      {year: 2025, insured: 11, cost: 2, masked: false}
    ]);
  });

  test("an R loader cannot reach another host, through a URL, a download or a socket", () => {
    const run = rscript([
      "-e",
      `for (f in list(function() readLines(url("http://example.com")), function() download.file("https://example.com", tempfile()),
                function() socketConnection("example.com", 80))) print(tryCatch(f(), error = conditionMessage))`
    ]);
    expect(run.stdout.match(/network access refused for example\.com/g)).toHaveLength(3);
    const local = rscript([
      "-e",
      'print(tryCatch(socketConnection("127.0.0.1", 9), error = function(e) "loopback allowed"))'
    ]);
    expect(local.stdout).toMatch(/loopback allowed/);
    expect(local.stderr).not.toMatch(/refused for/);
  });
});
