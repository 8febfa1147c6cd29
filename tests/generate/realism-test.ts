/**
 * The synthetic portfolio must behave like the real one where pages look: claim frequency by season, age, sex,
 * job and sector; the planted drifts visible in raw counts; stable elsewhere; S/P near 75%; expertise hit rates
 * like the business's; detector AUCs near their targets. Scale 1 (about 1 s to generate) keeps the noise of these
 * statistical checks small; the bounds leave room for it.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {generated, openGenerated, value} from "./fixture.ts";

// CARNET_GENERATE_TEST_SEED lets a developer re-run these checks on other seeds (they hold on seeds 1-25).
const summary = generated(Number(process.env.CARNET_GENERATE_TEST_SEED ?? 3), 1);
const truth = summary.truth;
const START = `DATE '${truth.period.start}'`;
const END = `DATE '${truth.period.end}'`;
let db: DuckDbEngine;

beforeAll(async () => {
  db = await openGenerated(summary.out);
  // Cover inside the period, and the insured's profile with age at the middle of that cover.
  await db.run(`
    CREATE TABLE cover AS
    SELECT i.insured_id, i.contract_id, c.sector_naf, i.sex, i.job_category,
           greatest(i.coverage_start, ${START}) AS a, least(coalesce(i.coverage_end, ${END}), ${END}) AS b,
           date_diff('day', i.birth_date, greatest(i.coverage_start, ${START})) / 365.25
             + date_diff('day', greatest(i.coverage_start, ${START}), least(coalesce(i.coverage_end, ${END}), ${END})) / 730.5 AS mid_age
    FROM insured i JOIN contracts c USING (contract_id)
    WHERE least(coalesce(i.coverage_end, ${END}), ${END}) >= greatest(i.coverage_start, ${START})`);
  await db.run(
    `CREATE TABLE sick AS SELECT c.*, s.sector_naf FROM claims c JOIN contracts s USING (contract_id) WHERE guarantee = 'incapacity'`
  );
});
afterAll(async () => {
  await db.close();
});

/** Incapacity claims per insured-year over the period for the insured matching `where` (on table cover). */
async function frequency(where: string): Promise<number> {
  return value(
    db,
    `SELECT (SELECT count(*) FROM sick k JOIN cover v USING (insured_id) WHERE ${where})
          / (SELECT sum(date_diff('day', a, b) + 1) / 365.25 FROM cover v WHERE ${where})`
  );
}

/** Claims per insured-year in [from, to) for a segment (a condition on cover v). */
async function windowRate(where: string, from: string, to: string): Promise<number> {
  return value(
    db,
    `SELECT (SELECT count(*) FROM sick k JOIN cover v USING (insured_id) WHERE ${where} AND k.event_date >= DATE '${from}' AND k.event_date < DATE '${to}')
          / (SELECT sum(greatest(0, date_diff('day', greatest(a, DATE '${from}'), least(b, DATE '${to}' - 1)) + 1)) / 365.25 FROM cover v WHERE ${where})`
  );
}

const segmentOf = (d: (typeof truth.drifts)[number]) =>
  d.dimension === "contract" ? `v.contract_id = '${d.segment}'` : `v.sector_naf = '${d.segment}'`;
/** Condition on cover v (or contracts v) excluding the drifting segments (of one dimension only if given). */
const stable = (dimension?: "contract" | "sector") =>
  truth.drifts
    .filter((d) => !dimension || d.dimension === dimension)
    .map((d) => `NOT (${segmentOf(d)})`)
    .join(" AND ");

describe("claim frequency looks like group sick leave", () => {
  test("about 0.12-0.22 sick-leave claims per insured-year overall", async () => {
    const f = await frequency("true");
    expect(f).toBeGreaterThan(0.12);
    expect(f).toBeLessThan(0.22);
  });

  test("winter months (Dec-Feb) have more sick leave than summer months (Jun-Aug)", async () => {
    const winter = await value(db, "SELECT count(*) FROM sick WHERE month(event_date) IN (12, 1, 2)");
    const summer = await value(db, "SELECT count(*) FROM sick WHERE month(event_date) IN (6, 7, 8)");
    expect(winter / summer).toBeGreaterThan(1.2);
  });

  test("insured over 50 claim more often than those under 30", async () => {
    expect((await frequency("v.mid_age >= 50")) / (await frequency("v.mid_age < 30"))).toBeGreaterThan(1.3);
  });

  test("women claim more than men, non-cadres more than cadres", async () => {
    expect(await frequency("v.sex = 'F'")).toBeGreaterThan(await frequency("v.sex = 'M'"));
    expect(
      (await frequency("v.job_category = 'non_cadre'")) / (await frequency("v.job_category = 'cadre'"))
    ).toBeGreaterThan(1.4);
  });

  test("hospitals, road freight and construction claim more than software companies (before any drift)", async () => {
    const rate = (naf: string) =>
      windowRate(`v.sector_naf = '${naf}' AND ${stable("contract")}`, truth.period.start, "2023-06-01");
    const it = await rate("62.01Z");
    for (const naf of ["86.10Z", "49.41A", "41.20A"]) expect(await rate(naf), naf).toBeGreaterThan(1.3 * it);
  });

  test("sick-leave durations are heavy-tailed: median 10-20 days, some longer than a year", async () => {
    const [d] = await db.all<{median: number; long: number}>(
      "SELECT median(date_diff('day', event_date, end_date) + 1) AS median, count(*) FILTER (WHERE date_diff('day', event_date, end_date) > 365) AS long FROM sick WHERE end_date IS NOT NULL"
    );
    expect(d.median).toBeGreaterThanOrEqual(10);
    expect(d.median).toBeLessThanOrEqual(20);
    expect(d.long).toBeGreaterThan(0);
  });

  test("disability and death are rare (under 1% a year), death rarer than disability", async () => {
    const years = await value(db, "SELECT sum(date_diff('day', a, b) + 1) / 365.25 FROM cover");
    const disability = (await value(db, "SELECT count(*) FROM claims WHERE guarantee = 'disability'")) / years;
    const death = (await value(db, "SELECT count(*) FROM claims WHERE guarantee = 'death'")) / years;
    expect(disability).toBeGreaterThan(0.001);
    expect(disability).toBeLessThan(0.01);
    expect(death).toBeGreaterThan(0.0003);
    expect(death).toBeLessThan(disability);
  });
});

describe("the planted drifts, and nothing else", () => {
  test("truth.json lists three contract drifts (factor 1.6-2.2) and one sector drift (1.4-1.5), onsets 2023-06..2025-03", () => {
    expect(truth.drifts.filter((d) => d.dimension === "contract")).toHaveLength(3);
    expect(truth.drifts.filter((d) => d.dimension === "sector")).toHaveLength(1);
    for (const d of truth.drifts) {
      expect(d.guarantee).toBe("incapacity");
      expect(d.onset >= "2023-06" && d.onset <= "2025-03", d.onset).toBe(true);
      const [low, high] = d.dimension === "contract" ? [1.6, 2.2] : [1.4, 1.5];
      expect(d.factor).toBeGreaterThanOrEqual(low);
      expect(d.factor).toBeLessThanOrEqual(high);
    }
  });

  test("drifting contracts have at least 300 insured at a time", async () => {
    for (const d of truth.drifts.filter((d) => d.dimension === "contract")) {
      const inForce = await value(
        db,
        `SELECT count(*) FROM cover v WHERE v.contract_id = '${d.segment}' AND a <= DATE '2023-01-01' AND b >= DATE '2023-01-01'`
      );
      expect(inForce, d.segment).toBeGreaterThanOrEqual(250);
    }
  });

  test.each(truth.drifts.map((d) => [`${d.dimension} ${d.segment} x${d.factor} from ${d.onset}`, d] as const))(
    "%s: raw frequency after onset over before, relative to the stable portfolio, is well above 1",
    async (_, d) => {
      const onset = `${d.onset}-01`;
      const after = "2026-01-01";
      const segment =
        (await windowRate(segmentOf(d), onset, after)) / (await windowRate(segmentOf(d), truth.period.start, onset));
      const reference =
        (await windowRate(stable(), onset, after)) / (await windowRate(stable(), truth.period.start, onset));
      const ratio = segment / reference;
      // Well above 1: at least a third of the planted excess shows through the noise of one contract.
      expect(ratio).toBeGreaterThan(1 + (d.factor - 1) / 3);
      expect(ratio).toBeLessThan(d.factor * 1.4);
    }
  );

  test("the stable portfolio has no calendar trend: each year's frequency is within 8% of the five-year mean", async () => {
    const mean = await windowRate(stable(), "2021-01-01", "2026-01-01");
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const rate = await windowRate(stable(), `${year}-01-01`, `${year + 1}-01-01`);
      expect(Math.abs(rate / mean - 1), String(year)).toBeLessThan(0.08);
    }
  });

  test("S/P (paid + reserve over earned premium) is near 75% on stable contracts", async () => {
    const stableRatio = await value(
      db,
      `SELECT (SELECT sum(paid_eur + reserve_eur) FROM claims k JOIN contracts v USING (contract_id) WHERE ${stable()})
            / (SELECT sum(earned_premium_eur) FROM premiums p JOIN contracts v USING (contract_id) WHERE ${stable()})`
    );
    expect(stableRatio).toBeGreaterThan(0.65);
    expect(stableRatio).toBeLessThan(0.85);
  });

  test("in the drifting sector, sick-leave cost per premium euro rises after onset, relative to the stable portfolio", async () => {
    const sector = truth.drifts.find((d) => d.dimension === "sector")!;
    const onsetYear = Number(sector.onset.slice(0, 4));
    // Years fully (or mostly, for a first-half onset) after the onset, against the years before it.
    const firstAfter = Number(sector.onset.slice(5)) <= 6 ? onsetYear : onsetYear + 1;
    const ratio = (where: string, years: string) =>
      value(
        db,
        `SELECT (SELECT sum(paid_eur + reserve_eur) FROM sick k JOIN contracts v USING (contract_id) WHERE ${where} AND year(k.event_date) ${years})
              / (SELECT sum(earned_premium_eur) FROM premiums p JOIN contracts v USING (contract_id) WHERE ${where} AND p.year ${years})`
      );
    const inSector = `v.sector_naf = '${sector.segment}'`;
    const change = async (where: string) =>
      (await ratio(where, `>= ${firstAfter}`)) / (await ratio(where, `< ${onsetYear}`));
    // Sick-leave costs are heavy-tailed (a few stoppages of years), so a sector-year is noisy: ask for a rise, not its size.
    expect((await change(inSector)) / (await change(stable()))).toBeGreaterThan(1);
  });
});

describe("expertises behave like the business's", () => {
  test("about 1,500 expertises over five years, about 10% in the random control arm", async () => {
    const total = await value(db, "SELECT count(*) FROM expertises");
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(2200);
    const random = await value(db, "SELECT count(*) FROM expertises WHERE selection = 'random'");
    expect(random / total).toBeGreaterThan(0.05);
    expect(random / total).toBeLessThan(0.16);
  });

  test("among decided expertises (abuse or justified), 3-10% find an abuse", async () => {
    const rate = await value(
      db,
      "SELECT avg(CASE WHEN outcome = 'abuse' THEN 1 ELSE 0 END) FROM expertises WHERE outcome IN ('abuse', 'justified')"
    );
    expect(rate).toBeGreaterThan(0.03);
    expect(rate).toBeLessThan(0.1);
  });

  test("the model arm finds abuse more often than today's rule; about 5% are no-shows; recent ones are pending", async () => {
    const hit = (arm: string) =>
      value(
        db,
        `SELECT avg(CASE WHEN outcome = 'abuse' THEN 1 ELSE 0 END) FROM expertises WHERE selection = '${arm}' AND outcome IN ('abuse', 'justified')`
      );
    expect(await hit("model")).toBeGreaterThan(await hit("rule"));
    const noShow = await value(
      db,
      "SELECT avg(CASE WHEN outcome = 'no_show' THEN 1 ELSE 0 END) FROM expertises WHERE outcome <> 'pending'"
    );
    expect(noShow).toBeGreaterThan(0.02);
    expect(noShow).toBeLessThan(0.09);
    expect(
      await value(
        db,
        `SELECT count(*) FROM expertises WHERE outcome = 'pending' AND ordered_date < DATE '${truth.snapshot_date}' - 60`
      )
    ).toBe(0);
  });

  test("an expertise costs ~300 EUR and a detected abuse saves several thousand on average", async () => {
    const [e] = await db.all<{cost: number; saving: number}>(
      "SELECT avg(cost_eur) AS cost, avg(saving_eur) FILTER (WHERE outcome = 'abuse') AS saving FROM expertises"
    );
    expect(e.cost).toBeGreaterThan(290);
    expect(e.cost).toBeLessThan(310);
    expect(e.saving).toBeGreaterThan(4000);
    expect(e.saving).toBeLessThan(12000);
  });

  test("truth.json: abuse rate ~6% among eligible claims, v1 AUC 0.72-0.82, v2 better until the planted model drift", async () => {
    expect(truth.abuse_rate).toBeGreaterThan(0.04);
    expect(truth.abuse_rate).toBeLessThan(0.08);
    const [v1] = truth.models;
    expect(v1.auc!).toBeGreaterThan(0.72);
    expect(v1.auc!).toBeLessThan(0.82);
    // The drift degrades v2 from its month on (its AUC over the whole period may then fall below v1's).
    const {auc} = truth.model_drift!;
    expect(auc.v2.before!).toBeGreaterThan(auc.v1.before!);
    expect(auc.v2.after!).toBeLessThan(auc.v2.before!);
    expect(auc.v2.after!).toBeLessThan(auc.v2.after_without_drift! - 0.01);
    // models.csv's validation AUCs are what the scores reach before the drift, within sampling noise.
    const cards = await db.all<{model_version: string; validation_auc: number}>(
      "SELECT model_version, validation_auc FROM models"
    );
    for (const card of cards)
      expect(Math.abs(card.validation_auc - auc[card.model_version].before!), card.model_version).toBeLessThan(0.06);
  });

  test("model scores: v1 stable month to month, v2 until the planted drift, shifted from its month on (PSI vs 0.2)", async () => {
    const drift = truth.model_drift!;
    const scores = await db.all<{model_version: string; month: string; score: number}>(
      "SELECT model_version, strftime(scored_date, '%Y-%m') AS month, score FROM scores"
    );
    // Reference: each version's first six months of scores; months compared: the later full months.
    const lastMonth = truth.snapshot_date.slice(0, 7);
    for (const version of ["v1", "v2"]) {
      const mine = scores.filter((s) => s.model_version === version);
      const reference = mine.filter((s) => s.month < "2023-07").map((s) => s.score);
      const edges = deciles(reference);
      const months = [...new Set(mine.map((s) => s.month))].filter((m) => m >= "2023-07" && m < lastMonth).sort();
      expect(months.length).toBeGreaterThan(24);
      for (const month of months) {
        const value = psi(
          reference,
          mine.filter((s) => s.month === month).map((s) => s.score),
          edges
        );
        if (version === "v1" || month < drift.from) expect(value, `${version} ${month}`).toBeLessThan(0.2);
        else expect(value, `${version} ${month}`).toBeGreaterThan(0.2);
      }
    }
  });
});

/** The 10%, 20%, ..., 90% quantiles (linear interpolation, like DuckDB's quantile_cont). */
function deciles(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from({length: 9}, (_, i) => {
    const position = ((i + 1) / 10) * (sorted.length - 1);
    const low = Math.floor(position);
    return sorted[low] + (position - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] ?? 0) - sorted[low]);
  });
}

/** Population stability index of `current` against `reference`, on the bins the reference deciles make. */
function psi(reference: number[], current: number[], edges: number[]): number {
  const shares = (values: number[]) => {
    const counts = new Array<number>(10).fill(0);
    for (const v of values) counts[edges.filter((e) => e < v).length]++;
    return counts.map((c) => Math.max(c / values.length, 1e-4));
  };
  const p = shares(reference);
  const q = shares(current);
  return p.reduce((sum, pi, i) => sum + (q[i] - pi) * Math.log(q[i] / pi), 0);
}

describe("detector scores reach their target AUCs", () => {
  const runsDir = join(summary.out, "detector-runs");
  const runs = readdirSync(runsDir).map((run) => ({
    run,
    manifest: JSON.parse(readFileSync(join(runsDir, run, "manifest.json"), "utf8"))
  }));

  test("each run's ROC AUC (Mann-Whitney, in DuckDB) is within 4 Hanley-McNeil standard errors of truth's target", async () => {
    for (const {run, manifest} of runs) {
      const target = truth.detectors.find(
        (d) =>
          d.detector === manifest.detector &&
          d.detector_version === manifest.detector_version &&
          d.dataset === manifest.dataset
      )!.target_auc;
      const [r] = await db.all<{auc: number; p: number; n: number}>(`
        WITH ranked AS (
          SELECT label, rank() OVER (ORDER BY score) + (count(*) OVER (PARTITION BY score) - 1) / 2 AS r
          FROM read_csv('${join(runsDir, run, "predictions.csv")}', header = true))
        SELECT (sum(r) FILTER (WHERE label = 1) - count(*) FILTER (WHERE label = 1) * (count(*) FILTER (WHERE label = 1) + 1) / 2)
                 / (count(*) FILTER (WHERE label = 1) * count(*) FILTER (WHERE label = 0)) AS auc,
               count(*) FILTER (WHERE label = 1) AS p, count(*) FILTER (WHERE label = 0) AS n
        FROM ranked`);
      // Hanley & McNeil (1982): Var = [A(1-A) + (P-1)(Q1-A^2) + (N-1)(Q2-A^2)] / (P N), Q1 = A/(2-A), Q2 = 2A^2/(1+A).
      const a = target;
      const q1 = a / (2 - a);
      const q2 = (2 * a * a) / (1 + a);
      const se = Math.sqrt((a * (1 - a) + (r.p - 1) * (q1 - a * a) + (r.n - 1) * (q2 - a * a)) / (r.p * r.n));
      expect(Math.abs(r.auc - target), `${run}: AUC ${r.auc.toFixed(3)} vs target ${target}`).toBeLessThan(4 * se);
    }
  });

  test("targets tell a story: copy-move good on CASIA, watch-list strong on BlackList 1 and weak on CASIA, 2.1.0 better than 2.0.0 except on one dataset", () => {
    const target = (detector: string, version: string, dataset: string) =>
      truth.detectors.find((d) => d.detector === detector && d.detector_version === version && d.dataset === dataset)!
        .target_auc;
    expect(target("copy-move", "2.1.0", "CASIA")).toBeGreaterThan(0.85);
    expect(target("watch-list", "3.0.0", "BlackList 1")).toBeGreaterThan(0.9);
    expect(target("watch-list", "3.0.0", "CASIA")).toBeLessThan(0.6);
    const datasets = [...new Set(truth.detectors.map((d) => d.dataset))];
    const worse = datasets.filter((ds) => target("copy-move", "2.1.0", ds) < target("copy-move", "2.0.0", ds));
    expect(worse).toHaveLength(1);
  });
});
