/**
 * `carnet generate --snapshot DATE` writes the same portfolio as it was known on an earlier day, like an earlier
 * monthly delivery: the rows are the full delivery's (same ids, same draws), minus what happened after DATE, with
 * what was still running on DATE written as it stood then.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {SNAPSHOT_DATE} from "../../loaders/generate/catalog.ts";
import {generate} from "../../loaders/generate/index.ts";
import type {Truth} from "../../loaders/generate/truth.ts";
import {carnet} from "../cli/run-carnet.ts";
import {TABLES} from "./fixture.ts";

// Seed 13 plants drifts with onsets 2024-04, 2024-09, 2024-10 and 2025-01: two before the date, two after.
const SEED = "13";
const SCALE = "0.2";
const DATE = "2024-09-30";
const D = `DATE '${DATE}'`;

const root = mkdtempSync(join(tmpdir(), "carnet-gen-snapshot-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));
const fullDir = join(root, "full");
const snapDir = join(root, "snapshot");
const full = carnet(["generate", "--out", fullDir, "--seed", SEED, "--scale", SCALE]);
const snap = carnet(["generate", "--out", snapDir, "--seed", SEED, "--scale", SCALE, "--snapshot", DATE]);
const MODEL_COLUMNS =
  "model_version, trained_from, trained_to, deployed_date, validation_auc, features, base_value, description";
const readTruth = (dir: string) => JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Truth;

let db: DuckDbEngine;
beforeAll(async () => {
  expect(full.code, full.stderr).toBe(0);
  expect(snap.code, snap.stderr).toBe(0);
  db = await DuckDbEngine.open();
  // Every column as text, so "the same value" means the same characters in the file.
  for (const [prefix, dir] of [
    ["full", fullDir],
    ["snap", snapDir]
  ])
    for (const table of TABLES)
      await db.run(
        `CREATE VIEW ${prefix}_${table} AS SELECT * FROM read_csv('${join(dir, table + ".csv")}', header = true, delim = ',', all_varchar = true)`
      );
});
afterAll(async () => {
  await db?.close();
});

const count = async (sql: string) => Number(Object.values((await db.all(sql))[0])[0]);

describe("claims as known on the snapshot date", () => {
  test("every claim of the snapshot is a claim of the full delivery, with the same id, insured, contract, guarantee, event and declaration dates", async () => {
    expect(await count("SELECT count(*) FROM snap_claims")).toBeGreaterThan(1000);
    expect(
      await count(
        `SELECT count(*) FROM snap_claims s ANTI JOIN full_claims f
         USING (claim_id, insured_id, contract_id, guarantee, event_date, declared_date)`
      )
    ).toBe(0);
  });

  test("no claim is declared after the date, and every claim of the full delivery declared by then is there", async () => {
    expect(await count(`SELECT count(*) FROM snap_claims WHERE declared_date::DATE > ${D}`)).toBe(0);
    expect(await count(`SELECT count(*) FROM full_claims WHERE declared_date::DATE > ${D}`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM full_claims f ANTI JOIN snap_claims s USING (claim_id) WHERE f.declared_date::DATE <= ${D}`
      )
    ).toBe(0);
  });

  test("a claim closed after the date in the full delivery is open in the snapshot: no end date, a reserve, sick leave paid up to the date", async () => {
    const closedLater = `FROM full_claims f JOIN snap_claims s USING (claim_id) WHERE f.end_date::DATE > ${D}`;
    expect(await count(`SELECT count(*) ${closedLater}`)).toBeGreaterThan(20);
    expect(
      await count(
        `SELECT count(*) ${closedLater} AND NOT (s.status = 'open' AND s.end_date IS NULL AND s.reserve_eur::DOUBLE > 0)`
      )
    ).toBe(0);
    // Days paid stop at the date (after the three waiting days), so they are fewer than in the full delivery.
    expect(
      await count(
        `SELECT count(*) ${closedLater} AND f.guarantee = 'incapacity'
           AND (s.days_paid::INTEGER <> greatest(0, date_diff('day', f.event_date::DATE, ${D}) + 1 - 3)
                OR s.days_paid::INTEGER > f.days_paid::INTEGER OR s.paid_eur::DOUBLE > f.paid_eur::DOUBLE)`
      )
    ).toBe(0);
  });

  test("a claim still open in the full delivery is open in the snapshot too", async () => {
    expect(
      await count(
        `SELECT count(*) FROM full_claims f JOIN snap_claims s USING (claim_id) WHERE f.status = 'open' AND s.status <> 'open'`
      )
    ).toBe(0);
  });

  test("a claim closed by the date is closed in both, with the same end date, days and amounts", async () => {
    const closedBefore = `FROM full_claims f JOIN snap_claims s USING (claim_id) WHERE f.end_date::DATE <= ${D}`;
    expect(await count(`SELECT count(*) ${closedBefore}`)).toBeGreaterThan(1000);
    expect(
      await count(
        `SELECT count(*) ${closedBefore} AND (s.status <> 'closed' OR s.end_date <> f.end_date
           OR s.days_paid IS DISTINCT FROM f.days_paid OR s.paid_eur <> f.paid_eur OR s.reserve_eur <> f.reserve_eur)`
      )
    ).toBe(0);
  });
});

describe("expertises and scores as known on the snapshot date", () => {
  test("no expertise ordered after the date; the others are the full delivery's, with the same id, claim, arm, score and cost", async () => {
    expect(await count(`SELECT count(*) FROM snap_expertises WHERE ordered_date::DATE > ${D}`)).toBe(0);
    expect(await count(`SELECT count(*) FROM full_expertises WHERE ordered_date::DATE > ${D}`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM snap_expertises s ANTI JOIN full_expertises f
         ON s.expertise_id = f.expertise_id AND s.claim_id = f.claim_id AND s.ordered_date = f.ordered_date
            AND s.selection = f.selection AND s.score IS NOT DISTINCT FROM f.score AND s.cost_eur = f.cost_eur`
      )
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM full_expertises f ANTI JOIN snap_expertises s USING (expertise_id) WHERE f.ordered_date::DATE <= ${D}`
      )
    ).toBe(0);
  });

  test("a report not back by the date is pending: reports take 7 to 21 days, so the outcome is the full delivery's before that", async () => {
    const both = "FROM full_expertises f JOIN snap_expertises s USING (expertise_id)";
    expect(
      await count(`SELECT count(*) ${both} WHERE f.ordered_date::DATE <= ${D} - 21 AND s.outcome <> f.outcome`)
    ).toBe(0);
    expect(
      await count(`SELECT count(*) ${both} WHERE f.ordered_date::DATE > ${D} - 7 AND s.outcome <> 'pending'`)
    ).toBe(0);
    expect(await count(`SELECT count(*) ${both} WHERE s.outcome <> f.outcome AND s.outcome <> 'pending'`)).toBe(0);
    expect(
      await count(`SELECT count(*) ${both} WHERE s.outcome = 'pending' AND f.outcome <> 'pending'`)
    ).toBeGreaterThan(0);
    expect(
      await count("SELECT count(*) FROM snap_expertises WHERE (outcome = 'pending') <> (saving_eur IS NULL)")
    ).toBe(0);
  });

  test("no score computed after the date; the others are the full delivery's", async () => {
    expect(await count(`SELECT count(*) FROM snap_scores WHERE scored_date::DATE > ${D}`)).toBe(0);
    expect(await count("SELECT count(*) FROM snap_scores")).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM snap_scores s ANTI JOIN full_scores f USING (claim_id, scored_date, model_version, score)`
      )
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM full_scores f ANTI JOIN snap_scores s USING (claim_id, model_version) WHERE f.scored_date::DATE <= ${D}`
      )
    ).toBe(0);
  });

  test("model cards whose training window ended by the date, and the feature rows of the scores written, as in the full delivery", async () => {
    // Both cards: v1 and v2 were trained by mid-2023 and deployed by the date.
    expect(await count("SELECT count(*) FROM snap_models")).toBe(2);
    expect(
      await count(`SELECT count(*) FROM full_models f ANTI JOIN snap_models s USING (${MODEL_COLUMNS})
                   WHERE f.trained_to::DATE <= ${D}`)
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM snap_models s ANTI JOIN full_models f USING (${MODEL_COLUMNS})`)).toBe(0);
    // Feature rows: exactly those of the snapshot's scores, with the full delivery's values and contributions.
    expect(await count("SELECT count(*) FROM snap_score_features")).toBeGreaterThan(1000);
    expect(
      await count("SELECT count(*) FROM snap_score_features f ANTI JOIN snap_scores s USING (claim_id, model_version)")
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM snap_score_features s ANTI JOIN full_score_features f
         ON s.claim_id = f.claim_id AND s.model_version = f.model_version AND s.feature = f.feature
            AND s.value IS NOT DISTINCT FROM f.value AND s.contribution = f.contribution`
      )
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM full_score_features f JOIN full_scores s USING (claim_id, model_version)
         ANTI JOIN snap_score_features n USING (claim_id, model_version, feature) WHERE s.scored_date::DATE <= ${D}`
      )
    ).toBe(0);
  });

  test("no detector run, since the first campaign started after the date", () => {
    expect(existsSync(join(snapDir, "detector-runs")) ? readdirSync(join(snapDir, "detector-runs")) : []).toEqual([]);
    expect(readTruth(snapDir).detectors).toEqual([]);
  });
});

describe("contracts, insured and premiums as known on the snapshot date", () => {
  test("contracts and insured starting after the date are absent, the others are the full delivery's", async () => {
    expect(await count(`SELECT count(*) FROM snap_contracts WHERE start_date::DATE > ${D}`)).toBe(0);
    expect(await count(`SELECT count(*) FROM snap_insured WHERE coverage_start::DATE > ${D}`)).toBe(0);
    expect(await count(`SELECT count(*) FROM full_insured WHERE coverage_start::DATE > ${D}`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM snap_contracts s ANTI JOIN full_contracts f USING (contract_id, employer_name, sector_naf, region, start_date)`
      )
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM snap_insured s ANTI JOIN full_insured f
         USING (insured_id, nir, contract_id, birth_date, sex, job_category, coverage_start)`
      )
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM full_insured f ANTI JOIN snap_insured s USING (insured_id) WHERE f.coverage_start::DATE <= ${D}`
      )
    ).toBe(0);
  });

  test("end dates after the date are empty (not known yet), earlier ones are kept", async () => {
    const insured = "FROM full_insured f JOIN snap_insured s USING (insured_id)";
    expect(await count(`SELECT count(*) ${insured} WHERE f.coverage_end::DATE > ${D}`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) ${insured}
         WHERE s.coverage_end IS DISTINCT FROM (CASE WHEN f.coverage_end::DATE <= ${D} THEN f.coverage_end END)`
      )
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM full_contracts f JOIN snap_contracts s USING (contract_id)
         WHERE s.end_date IS DISTINCT FROM (CASE WHEN f.end_date::DATE <= ${D} THEN f.end_date END)`
      )
    ).toBe(0);
  });

  test("premiums: the same amounts for the years before 2024, the part earned by the date for 2024, none after", async () => {
    const both = "FROM full_premiums f JOIN snap_premiums s USING (contract_id, year)";
    expect(await count("SELECT count(*) FROM snap_premiums WHERE year::INTEGER > 2024")).toBe(0);
    expect(
      await count(
        "SELECT count(*) FROM snap_premiums s ANTI JOIN full_premiums f USING (contract_id, year) WHERE year::INTEGER < 2024"
      )
    ).toBe(0);
    expect(
      await count(`SELECT count(*) ${both} WHERE year::INTEGER < 2024 AND s.earned_premium_eur <> f.earned_premium_eur`)
    ).toBe(0);
    // Nine months of twelve, give or take the staff who joined or left during the year.
    const share = await count(
      `SELECT sum(s.earned_premium_eur::DOUBLE) / sum(f.earned_premium_eur::DOUBLE) ${both} WHERE year = '2024'`
    );
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });
});

describe("truth.json of the snapshot", () => {
  test("records the snapshot date, and the drifts whose onset month is by then, with the full delivery's fields", () => {
    const fullTruth = readTruth(fullDir);
    const truth = readTruth(snapDir);
    expect(fullTruth.snapshot_date).toBe(SNAPSHOT_DATE);
    expect(truth.snapshot_date).toBe(DATE);
    expect(truth).toMatchObject({seed: 13, scale: 0.2, period: {start: "2021-01-01", end: DATE}});
    expect(fullTruth.drifts.map((d) => d.onset).sort()).toEqual(["2024-04", "2024-09", "2024-10", "2025-01"]);
    expect(truth.drifts).toEqual(fullTruth.drifts.filter((d) => d.onset <= "2024-09"));
  });

  test("row counts are those of the files written; expertise tallies and models describe them", async () => {
    const truth = readTruth(snapDir);
    for (const table of TABLES)
      expect(truth.rows[table], table).toBe(await count(`SELECT count(*) FROM snap_${table}`));
    expect(truth.rows.detector_runs).toBe(0);
    for (const arm of ["rule", "model", "random"])
      expect(truth.expertise_arms[arm].expertises, arm).toBe(
        await count(`SELECT count(*) FROM snap_expertises WHERE selection = '${arm}'`)
      );
    expect(
      truth.expertise_arms.rule.pending + truth.expertise_arms.model.pending + truth.expertise_arms.random.pending
    ).toBe(await count("SELECT count(*) FROM snap_expertises WHERE outcome = 'pending'"));
    expect(truth.models.map((m) => m.model_version)).toEqual(["v1", "v2"]);
    for (const m of truth.models) expect(m.auc, m.model_version).toBeGreaterThan(0.6);
    // The model drift of seed 13 begins in 2024-12: not yet on the date.
    expect(readTruth(fullDir).model_drift?.from).toBe("2024-12");
    expect(truth.model_drift).toBeNull();
  });

  test("the summary names the date, and carnet check stages the snapshot with zero rejected rows", async () => {
    expect(snap.stderr).toContain(`as of ${DATE}`);
    const check = carnet(["check", "--extracts", snapDir, "--format", "json"], {CARNET_CACHE: join(root, "cache")});
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as {
      files: {file: string; rows_read: number; rows_rejected: number}[];
      rejects: unknown[];
    };
    expect(report.rejects).toEqual([]);
    for (const table of TABLES) {
      const file = report.files.find((f) => f.file === `${table}.csv`);
      expect(file?.rows_rejected, table).toBe(0);
      expect(file?.rows_read, table).toBe(await count(`SELECT count(*) FROM snap_${table}`));
    }
  });
});

describe("the default delivery does not change", () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  }

  test("--snapshot on the generator's own date writes the default delivery byte for byte", () => {
    const own = join(root, "own-date");
    generate({out: own, seed: Number(SEED), scale: Number(SCALE), snapshotDate: SNAPSHOT_DATE});
    const names = files(fullDir).map((path) => relative(fullDir, path));
    expect(files(own).map((path) => relative(own, path))).toEqual(names);
    for (const name of names)
      expect(readFileSync(join(own, name)).equals(readFileSync(join(fullDir, name))), name).toBe(true);
  });
});
