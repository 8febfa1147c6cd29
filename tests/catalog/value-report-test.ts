import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readUseCases, type UseCaseCard} from "../../loaders/catalog/use-cases.ts";
import {computeValueReport} from "../../loaders/catalog/value/compute.ts";
import {expertiseFigures} from "../../loaders/catalog/value/expertise.ts";
import {buildValueReport} from "../../loaders/catalog/value/report.ts";
import {driftReport} from "../../loaders/drift/drift.ts";
import {openExtracts, type Extracts} from "../../loaders/extracts/open.ts";
import {roiReport} from "../../loaders/roi/report.ts";
import {formatEur} from "../../src/lib/format.ts";
import {carnet} from "../cli/run-carnet.ts";
import {expertiseTables, type Expertised} from "./value-tables.ts";

// 2024: 12 decided claims, two abuses (8,000 and 5,000 € saved); 2025: 3 claims (masked: fewer than 11).
const handWorked: Expertised[] = [
  ["c01", 2024, "abuse", 8000, 0.95],
  ["c02", 2024, "justified", 0, 0.9],
  ["c03", 2024, "abuse", 5000, 0.85],
  ...Array.from({length: 9}, (_, i): Expertised => [
    `c${String(i + 4).padStart(2, "0")}`,
    2024,
    "justified",
    0,
    0.8 - i * 0.05
  ]),
  ["d01", 2025, "abuse", 2000, 0.99],
  ["d02", 2025, "justified", 0, 0.5],
  ["d03", 2025, "no_show", 0, 0.3]
];

describe("expertise targeting's figures", () => {
  test("are the decided expertises' net savings and the model's optimum, per year and in total (hand-worked)", async () => {
    const engine = await expertiseTables(handWorked);
    try {
      const figures = await expertiseFigures(engine);
      expect(figures?.model_version).toBe("v1");
      // 2024: savings 13,000 - 12 x 300 = 9,400; best is the top 3 claims: 13,000 - 900 = 12,100.
      expect(figures?.per_year[0]).toEqual({
        year: 2024,
        claims: 12,
        abuses: 2,
        realised_net_eur: 9400,
        optimum_k: 3,
        optimum_net_eur: 12100,
        masked: false
      });
      // 2025 holds 3 claims: masked.
      expect(figures?.per_year[1]).toMatchObject({
        year: 2025,
        claims: 3,
        realised_net_eur: null,
        optimum_net_eur: null,
        masked: true
      });
      // All years: 15,000 - 15 x 300 = 10,500; best is the top 4 (d01, c01, c02, c03): 15,000 - 1,200 = 13,800.
      expect(figures?.total).toEqual({
        year: null,
        claims: 15,
        abuses: 3,
        realised_net_eur: 10500,
        optimum_k: 4,
        optimum_net_eur: 13800,
        masked: false
      });
    } finally {
      await engine.close();
    }
  });
});

function card(
  id: string,
  stage: UseCaseCard["stage"],
  perYear: UseCaseCard["value"]["per_year"],
  extra: Partial<UseCaseCard> = {}
): UseCaseCard {
  return {
    id,
    name: id.toUpperCase(),
    department: "Claims",
    description: "",
    financial_impact: {cost_line: "", segment_premiums_eur: null, estimated_savings_eur: 1000},
    resources: {sponsor: "", product_owner: "", product_owner_share: 0.5, team: []},
    strategic_value: "",
    stage,
    effort_person_days: 10,
    value: {sample: true, per_year: perYear},
    measured: null,
    ...extra
  };
}

describe("the value report", () => {
  const cards = [
    card(
      "expertise-targeting",
      "run",
      [
        {year: 2024, estimated_eur: 10000, realised_eur: 7000},
        {year: 2026, estimated_eur: 15000, realised_eur: null}
      ],
      {measured: "expertise-net-savings"}
    ),
    card("other", "exploration", [
      {year: 2024, estimated_eur: 500, realised_eur: 100},
      {year: 2025, estimated_eur: 2000, realised_eur: 1500}
    ])
  ];
  const expertise = {
    model_version: "v1",
    cost_per_expertise_eur: 300,
    per_year: [
      {year: 2024, claims: 12, abuses: 2, realised_net_eur: 9400, optimum_k: 3, optimum_net_eur: 12100, masked: false}
    ],
    total: {
      year: null,
      claims: 12,
      abuses: 2,
      realised_net_eur: 9400,
      optimum_k: 3,
      optimum_net_eur: 12100,
      masked: false
    }
  };
  const drift = {
    window: {from: "2021-01-01", to: "2025-12-31"},
    by: [
      {
        dimension: "contract" as const,
        guarantee: "incapacity",
        alerts: 2,
        excess_claims: 30,
        excess_cost_eur: 45000,
        insured: 400,
        masked: false,
        first_onset: "2024-03"
      }
    ]
  };
  const report = buildValueReport({cards, snapshotDate: "2025-12-31", expertise, drift});

  test("replaces the card's realised value by the loader's where Carnet measures it", () => {
    expect(report.rows.filter((r) => r.use_case === "expertise-targeting")).toEqual([
      {
        use_case: "expertise-targeting",
        name: "EXPERTISE-TARGETING",
        stage: "run",
        year: 2024,
        estimated_eur: 10000,
        realised_eur: 9400,
        realised_source: "loader"
      },
      {
        use_case: "expertise-targeting",
        name: "EXPERTISE-TARGETING",
        stage: "run",
        year: 2026,
        estimated_eur: 15000,
        realised_eur: null,
        realised_source: null
      }
    ]);
  });

  test("totals each year and takes the last realised year up to the snapshot as reference", () => {
    expect(report.totals_by_year).toEqual([
      {year: 2024, estimated_eur: 10500, realised_eur: 9500, realised_from_loaders_eur: 9400},
      {year: 2025, estimated_eur: 2000, realised_eur: 1500, realised_from_loaders_eur: 0},
      {year: 2026, estimated_eur: 15000, realised_eur: 0, realised_from_loaders_eur: 0}
    ]);
    expect(report.reference_year).toBe(2025);
  });

  test("counts the pipeline by lifecycle stage, exploration to run", () => {
    expect(report.pipeline.map((s) => [s.stage, s.use_cases])).toEqual([
      ["exploration", 1],
      ["modelling", 0],
      ["incubation", 0],
      ["industrialisation", 0],
      ["deployment", 0],
      ["run", 1]
    ]);
  });

  test("writes a summary whose figures are the report's", () => {
    const text = report.summary.join(" ");
    expect(text).toContain("In 2025, the portfolio of 2 use cases realised 1,500 € against 2,000 € estimated.");
    expect(text).toContain("netted 9,400 € after the cost of the expertises");
    expect(text).toContain("would have netted 12,100 €");
    expect(text).toContain(
      "2 incapacity alerts with 45,000 € of excess claims cost since onset (30 claims above expected, first onset 2024-03)"
    );
    expect(text).toContain("sample figures");
  });
});

describe("on a generated extract folder, the value report's figures", () => {
  let dir: string;
  let extracts: Extracts;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "carnet-value-"));
    process.env.CARNET_CACHE = join(dir, "cache");
    process.env.CARNET_PSEUDONYM_KEY ??= "test-key";
    const generated = carnet(["generate", "--out", join(dir, "extracts"), "--seed", "3", "--scale", "0.5"]);
    expect(generated.code, generated.stderr).toBe(0);
    extracts = await openExtracts(join(dir, "extracts"));
  });
  afterAll(async () => {
    await extracts?.engine.close();
    delete process.env.CARNET_CACHE;
    rmSync(dir, {recursive: true, force: true});
  });

  test("equal the ROI and drift loaders' own figures", async () => {
    const report = await computeValueReport(extracts, readUseCases());
    const economics = {costPerExpertise: 300, savingPerAbuse: null};
    const roi = await roiReport(extracts.engine, {economics, capacities: [Number.MAX_SAFE_INTEGER]});
    expect(report.expertise?.total.realised_net_eur).toBeCloseTo(roi.rows[0].net_eur, 6);
    expect(report.expertise?.total.optimum_net_eur).toBeCloseTo(roi.best.net_eur, 6);
    for (const period of report.expertise!.per_year.filter((p) => !p.masked)) {
      const ofYear = await roiReport(extracts.engine, {
        economics,
        from: period.year!,
        to: period.year!,
        capacities: [Number.MAX_SAFE_INTEGER]
      });
      expect(period.realised_net_eur).toBeCloseTo(ofYear.rows[0].net_eur, 6);
      const row = report.rows.find((r) => r.use_case === "expertise-targeting" && r.year === period.year);
      expect(row?.realised_eur).toBe(period.realised_net_eur);
    }
    const drift = await driftReport(extracts.engine, {
      dimension: "contract",
      grain: "month",
      guarantee: "incapacity",
      snapshotDate: extracts.snapshotDate,
      extractsDir: extracts.dir
    });
    const excess = drift.alerts.filter((a) => a.excess_cost_eur > 0).reduce((sum, a) => sum + a.excess_cost_eur, 0);
    const byContract = report.drift?.by.find((d) => d.dimension === "contract");
    expect(byContract?.excess_cost_eur).toBeCloseTo(excess, 6);
    expect(report.summary.join(" ")).toContain(formatEur(excess));
    expect(report.summary.join(" ")).toContain(formatEur(roi.rows[0].net_eur));
  });
});
