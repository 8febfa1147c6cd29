// @vitest-environment jsdom
/**
 * The portfolio and value-report charts on fixed data, checked as SVG snapshots (tests/components/snapshot.ts).
 */
import {describe, it} from "vitest";
import {pipelineChart, valueByYearChart, valueEffortChart} from "../../../src/components/catalog/value-charts.ts";
import {expectSnapshot} from "../snapshot.ts";

describe("the value charts", () => {
  it("catalog-value-effort: places each use case by effort and estimated savings, coloured by stage", () => {
    const cards = [
      {
        id: "claims-drift",
        name: "Claims drift",
        stage: "run",
        effort_person_days: 120,
        estimated_savings_eur: 1_200_000
      },
      {
        id: "expertise",
        name: "Expertise targeting",
        stage: "deployment",
        effort_person_days: 80,
        estimated_savings_eur: 640_000
      },
      {
        id: "document-ai",
        name: "Document AI",
        stage: "modelling",
        effort_person_days: 200,
        estimated_savings_eur: 2_500_000
      }
    ];
    expectSnapshot("catalog-value-effort", valueEffortChart(cards, {width: 1100}) as Element);
  });

  it("catalog-value-by-year: stacks realised value by use case under the estimate of each year", () => {
    const rows = [
      {id: "claims-drift", name: "Claims drift", year: 2025, estimated_eur: 1_000_000, realised_eur: 800_000},
      {id: "claims-drift", name: "Claims drift", year: 2026, estimated_eur: 1_200_000, realised_eur: null},
      {id: "expertise", name: "Expertise targeting", year: 2025, estimated_eur: 500_000, realised_eur: 420_000},
      {id: "expertise", name: "Expertise targeting", year: 2026, estimated_eur: 640_000, realised_eur: null}
    ];
    expectSnapshot("catalog-value-by-year", valueByYearChart(rows, {width: 1100}) as Element);
  });

  it("catalog-pipeline: counts use cases and their potential per stage", () => {
    const pipeline = [
      {stage: "exploration", use_cases: 3, estimated_savings_eur: 4_050_000},
      {stage: "modelling", use_cases: 1, estimated_savings_eur: 900_000},
      {stage: "run", use_cases: 2, estimated_savings_eur: 160_000}
    ];
    expectSnapshot("catalog-pipeline", pipelineChart(pipeline, {width: 1100}) as Element);
  });
});
