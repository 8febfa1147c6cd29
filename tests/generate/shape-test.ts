import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {contract} from "../../loaders/extracts/contract.ts";
import {generated, openGenerated, TABLES, value} from "./fixture.ts";

const summary = generated(11, 0.2);
const truth = summary.truth;
let db: DuckDbEngine;
beforeAll(async () => {
  db = await openGenerated(summary.out);
});
afterAll(async () => {
  await db.close();
});

/** Number of rows breaking a condition (the test expects none). */
const violations = (table: string, condition: string) =>
  value(db, `SELECT count(*) FROM ${table} WHERE NOT (${condition})`);

describe("every CSV file follows the extract contract", () => {
  test.each(TABLES)("%s.csv has exactly the contract's header line, comma-separated", (table) => {
    const header = readFileSync(join(summary.out, `${table}.csv`), "utf8").split("\n", 1)[0];
    expect(header).toBe(
      contract
        .find((f) => f.name === table)!
        .columns.map((c) => c.name)
        .join(",")
    );
  });

  test.each(TABLES)("%s.csv: DuckDB reads every row, and the row count matches truth.json", async (table) => {
    expect(await value(db, `SELECT count(*) FROM ${table}`)).toBe(truth.rows[table]);
  });

  test("text columns only take the contract's values", async () => {
    for (const file of contract) {
      for (const column of file.columns.filter((c) => c.values)) {
        const list = column.values!.map((v) => `'${v}'`).join(", ");
        expect(await violations(file.name, `${column.name} IN (${list})`), `${file.name}.${column.name}`).toBe(0);
      }
    }
  });

  test("keys are unique: contract, insured, claim, expertise, (contract, year), (claim, model version)", async () => {
    for (const file of contract) {
      const key = file.key!.join(", ");
      expect(await value(db, `SELECT count(*) - count(DISTINCT (${key})) FROM ${file.name}`), file.name).toBe(0);
    }
  });

  test("required fields are never empty", async () => {
    for (const file of contract) {
      for (const column of file.columns.filter((c) => c.required)) {
        expect(await violations(file.name, `${column.name} IS NOT NULL`), `${file.name}.${column.name}`).toBe(0);
      }
    }
  });

  test("references hold: insured -> contracts, claims -> insured and the insured's contract, expertises and scores -> claims", async () => {
    expect(await value(db, "SELECT count(*) FROM insured i ANTI JOIN contracts c USING (contract_id)")).toBe(0);
    expect(await value(db, "SELECT count(*) FROM premiums p ANTI JOIN contracts c USING (contract_id)")).toBe(0);
    expect(
      await value(
        db,
        "SELECT count(*) FROM claims c ANTI JOIN insured i ON i.insured_id = c.insured_id AND i.contract_id = c.contract_id"
      )
    ).toBe(0);
    expect(await value(db, "SELECT count(*) FROM expertises e ANTI JOIN claims c USING (claim_id)")).toBe(0);
    expect(await value(db, "SELECT count(*) FROM scores s ANTI JOIN claims c USING (claim_id)")).toBe(0);
  });

  test("amounts are non-negative and scores lie in [0, 1]", async () => {
    expect(await violations("premiums", "earned_premium_eur > 0")).toBe(0);
    expect(await violations("claims", "coalesce(days_paid, 0) >= 0 AND paid_eur >= 0 AND reserve_eur >= 0")).toBe(0);
    expect(
      await violations(
        "expertises",
        "cost_eur BETWEEN 250 AND 350 AND coalesce(saving_eur, 0) >= 0 AND coalesce(score, 0) BETWEEN 0 AND 1"
      )
    ).toBe(0);
    expect(await violations("scores", "score BETWEEN 0 AND 1")).toBe(0);
  });
});

describe("dates are in order and inside the period", () => {
  test("contracts start before they end; insured are 18-65 when cover starts, inside their contract's life", async () => {
    expect(await violations("contracts", "end_date IS NULL OR start_date < end_date")).toBe(0);
    expect(await violations("insured", "coverage_end IS NULL OR coverage_start <= coverage_end")).toBe(0);
    expect(
      await violations("insured", "date_diff('day', birth_date, coverage_start) BETWEEN 18 * 365 AND 65.25 * 365")
    ).toBe(0);
    const outside = await value(
      db,
      `SELECT count(*) FROM insured i JOIN contracts c USING (contract_id)
       WHERE i.coverage_start < c.start_date OR (c.end_date IS NOT NULL AND coalesce(i.coverage_end, DATE '9999-12-31') > c.end_date)`
    );
    expect(outside).toBe(0);
  });

  test("claims happen inside the period and inside the insured's cover, are declared after the event and by the snapshot date", async () => {
    expect(
      await violations("claims", `event_date BETWEEN DATE '${truth.period.start}' AND DATE '${truth.period.end}'`)
    ).toBe(0);
    expect(
      await violations("claims", `event_date <= declared_date AND declared_date <= DATE '${truth.snapshot_date}'`)
    ).toBe(0);
    expect(
      await violations(
        "claims",
        `end_date IS NULL OR (event_date <= end_date AND end_date <= DATE '${truth.snapshot_date}')`
      )
    ).toBe(0);
    const uncovered = await value(
      db,
      `SELECT count(*) FROM claims c JOIN insured i USING (insured_id)
       WHERE c.event_date < i.coverage_start OR c.event_date > coalesce(i.coverage_end, DATE '${truth.period.end}')`
    );
    expect(uncovered).toBe(0);
  });

  test("a claim is open exactly when it has no end date; open claims carry a reserve, closed sick leave none", async () => {
    expect(await violations("claims", "(status = 'open') = (end_date IS NULL)")).toBe(0);
    expect(await violations("claims", "status = 'closed' OR reserve_eur > 0")).toBe(0);
    expect(await violations("claims", "guarantee <> 'incapacity' OR status = 'open' OR reserve_eur = 0")).toBe(0);
  });

  test("sick-leave amounts are days paid times one daily allowance per insured", async () => {
    // paid_eur = days_paid x rate, so the implied rate is constant across an insured's claims (up to cent rounding).
    const spread = await value(
      db,
      `SELECT max(hi - lo) FROM (
         SELECT insured_id, max(paid_eur / days_paid) AS hi, min(paid_eur / days_paid) AS lo
         FROM claims WHERE guarantee = 'incapacity' AND days_paid >= 10 GROUP BY insured_id)`
    );
    expect(spread).toBeLessThan(0.01);
  });

  test("scores are taken a few days after declaration, on sick-leave claims still open then, once per model version", async () => {
    expect(
      await value(
        db,
        `SELECT count(*) FROM scores s JOIN claims c USING (claim_id)
         WHERE c.guarantee <> 'incapacity' OR s.scored_date <= c.declared_date OR s.scored_date > c.declared_date + 5
            OR s.scored_date >= coalesce(c.end_date, DATE '9999-12-31') OR s.scored_date > DATE '${truth.snapshot_date}'`
      )
    ).toBe(0);
    expect(await value(db, "SELECT count(DISTINCT model_version) FROM scores")).toBe(2);
    expect(
      await value(db, "SELECT count(*) FROM (SELECT claim_id FROM scores GROUP BY claim_id HAVING count(*) <> 2)")
    ).toBe(0);
  });

  test("expertises are ordered on open sick-leave claims, after declaration, with the v1 score known then", async () => {
    expect(
      await value(
        db,
        `SELECT count(*) FROM expertises e JOIN claims c USING (claim_id)
         WHERE c.guarantee <> 'incapacity' OR e.ordered_date <= c.declared_date OR e.ordered_date >= coalesce(c.end_date, DATE '9999-12-31')`
      )
    ).toBe(0);
    expect(
      await value(
        db,
        `SELECT count(*) FROM expertises e LEFT JOIN scores s ON s.claim_id = e.claim_id AND s.model_version = 'v1' AND s.scored_date <= e.ordered_date
         WHERE e.score IS DISTINCT FROM s.score`
      )
    ).toBe(0);
    expect(await violations("expertises", "selection <> 'model' OR score IS NOT NULL")).toBe(0);
    expect(await value(db, "SELECT count(*) - count(DISTINCT claim_id) FROM expertises")).toBe(0);
  });

  test("savings exist on decided expertises only and are positive exactly for abuses", async () => {
    expect(await violations("expertises", "(outcome = 'pending') = (saving_eur IS NULL)")).toBe(0);
    expect(await violations("expertises", "outcome = 'pending' OR (saving_eur > 0) = (outcome = 'abuse')")).toBe(0);
  });
});

describe("direct identifiers are present in the raw files (so their removal downstream can be tested)", () => {
  test("every contract has an employer name", async () => {
    expect(await violations("contracts", "length(employer_name) > 3")).toBe(0);
  });

  test("every insured has a NIR: 13 digits starting with 1 (M) or 2 (F), then the key 97 - (number mod 97)", async () => {
    const nirs = await db.all<{nir: string | number; sex: string}>(
      "SELECT CAST(nir AS VARCHAR) AS nir, sex FROM insured"
    );
    for (const {nir, sex} of nirs) {
      const text = String(nir).padStart(15, "0");
      expect(text).toMatch(/^[12]\d{14}$/);
      expect(text[0]).toBe(sex === "M" ? "1" : "2");
      expect(97 - Number(BigInt(text.slice(0, 13)) % 97n)).toBe(Number(text.slice(13)));
    }
  });
});

describe("detector runs follow the contract", () => {
  const runsDir = join(summary.out, "detector-runs");
  const runs = readdirSync(runsDir).sort();
  const manifests = runs.map((run) => JSON.parse(readFileSync(join(runsDir, run, "manifest.json"), "utf8")));

  test("each manifest has exactly the contract's fields, and run_id names its folder", () => {
    manifests.forEach((m, i) => {
      expect(Object.keys(m)).toEqual([
        "run_id",
        "detector",
        "detector_version",
        "dataset",
        "dataset_version",
        "threshold",
        "params",
        "code_commit",
        "started_at"
      ]);
      expect(m.run_id).toBe(runs[i]);
      expect(m.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    });
  });

  test("every detector version ran on all 10 datasets, and one cell was run twice at different times", () => {
    const cells = new Map<string, string[]>();
    for (const m of manifests) {
      const key = `${m.detector} ${m.detector_version} ${m.dataset}`;
      cells.set(key, [...(cells.get(key) ?? []), m.started_at]);
    }
    expect(cells.size).toBe(40);
    const twice = [...cells.entries()].filter(([, times]) => times.length === 2);
    expect(twice).toHaveLength(1);
    expect(new Set(twice[0][1]).size).toBe(2);
    expect(new Set(manifests.map((m) => m.dataset)).size).toBe(10);
    expect(new Set(manifests.map((m) => `${m.detector} ${m.detector_version}`))).toEqual(
      new Set(["copy-move 2.0.0", "copy-move 2.1.0", "image-splicing 1.4.0", "watch-list 3.0.0"])
    );
  });

  test("predictions have 200-1,500 documents, 5-30% forged, scores in [0, 1]; some runs carry a decision column, others not", async () => {
    let withDecision = 0;
    for (const run of runs) {
      const path = join(runsDir, run, "predictions.csv");
      const header = readFileSync(path, "utf8").split("\n", 1)[0];
      expect(["document_id,label,score", "document_id,label,score,decision"]).toContain(header);
      if (header.endsWith("decision")) withDecision++;
      const [stats] = await db.all<{n: number; forged: number; lo: number; hi: number; bad: number}>(
        `SELECT count(*) AS n, sum(label) AS forged, min(score) AS lo, max(score) AS hi,
                count(*) FILTER (WHERE label NOT IN (0, 1)) AS bad FROM read_csv('${path}', header = true)`
      );
      expect(stats.n).toBeGreaterThanOrEqual(200);
      expect(stats.n).toBeLessThanOrEqual(1500);
      expect(stats.forged / stats.n).toBeGreaterThanOrEqual(0.05);
      expect(stats.forged / stats.n).toBeLessThanOrEqual(0.3);
      expect(stats.lo).toBeGreaterThanOrEqual(0);
      expect(stats.hi).toBeLessThanOrEqual(1);
      expect(stats.bad).toBe(0);
    }
    expect(withDecision).toBeGreaterThan(0);
    expect(withDecision).toBeLessThan(runs.length);
  });
});
