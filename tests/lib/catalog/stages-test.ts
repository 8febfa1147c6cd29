import {describe, expect, it} from "vitest";
import {earlyPipeline, EARLY_STAGES, isEarlyStage, LATE_STAGES} from "../../../src/lib/catalog/stages.ts";

describe("lifecycle stages", () => {
  it("isEarlyStage(stage) is true for exploration, modelling and incubation only", () => {
    expect(EARLY_STAGES.map(isEarlyStage)).toEqual([true, true, true]);
    expect(LATE_STAGES.map(isEarlyStage)).toEqual([false, false, false]);
  });

  it("earlyPipeline(pipeline) keeps the early stages and sums their use cases and estimated savings", () => {
    const early = earlyPipeline([
      {stage: "exploration", use_cases: 3, estimated_savings_eur: 4_050_000},
      {stage: "incubation", use_cases: 1, estimated_savings_eur: 100_000},
      {stage: "run", use_cases: 2, estimated_savings_eur: 160_000}
    ]);
    expect(early.stages.map((s) => s.stage)).toEqual(["exploration", "incubation"]);
    expect(early.useCases).toBe(4);
    expect(early.estimatedSavingsEur).toBe(4_150_000);
  });
});
