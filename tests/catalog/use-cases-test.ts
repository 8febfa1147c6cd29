import {describe, expect, test} from "vitest";
import {checkCard, inspectUseCases, stages} from "../../loaders/catalog/use-cases.ts";

describe("the use-case cards of data/use-cases/", () => {
  const {cards, problems} = inspectUseCases();

  test("all follow the identity-card schema (the message names the file and the field)", () => {
    expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([]);
  });

  test("hold the use cases the pages name: claims-drift, expertise-targeting, document-ai", () => {
    const ids = cards.map((c) => c.id);
    for (const id of ["claims-drift", "expertise-targeting", "document-ai"]) expect(ids).toContain(id);
  });

  test("seed the whole portfolio of the domain brief, marked as sample figures", () => {
    expect(cards.length).toBe(17);
    expect(cards.every((c) => c.value.sample)).toBe(true);
  });

  test("take their realised value from a loader for expertise targeting and claims drift", () => {
    expect(cards.find((c) => c.id === "expertise-targeting")?.measured).toBe("expertise-net-savings");
    expect(cards.find((c) => c.id === "claims-drift")?.measured).toBe("drift-excess-cost");
  });
});

const card = {
  id: "x-case",
  name: "X",
  department: "Claims",
  description: "Why.",
  financial_impact: {cost_line: "Allowances", estimated_savings_eur: 1000},
  resources: {sponsor: "S", product_owner: "P", product_owner_share: 0.5, team: ["data scientist"]},
  strategic_value: "Growth.",
  stage: "incubation",
  effort_person_days: 10,
  value: {
    sample: true,
    per_year: [
      {year: 2026, estimated_eur: 5},
      {year: 2025, estimated_eur: 2, realised_eur: 1}
    ]
  }
};

describe("the identity-card schema", () => {
  test("accepts a complete card, years sorted and a missing realised value as null", () => {
    const {card: checked, problems} = checkCard(card, "x-case");
    expect(problems).toEqual([]);
    expect(checked?.value.per_year).toEqual([
      {year: 2025, estimated_eur: 2, realised_eur: 1},
      {year: 2026, estimated_eur: 5, realised_eur: null}
    ]);
    expect(checked?.financial_impact.segment_premiums_eur).toBeNull();
  });

  test("wants the id to repeat the file's name", () => {
    expect(checkCard(card, "other").problems).toEqual([
      {field: "id", message: 'expected "other" (the file\'s name), got "x-case"'}
    ]);
  });

  test("names nested fields in its messages", () => {
    const bad = {
      ...card,
      stage: "pilot",
      resources: {...card.resources, product_owner_share: 2},
      value: {sample: true, per_year: [{year: 2025, estimated_eur: -1}]}
    };
    expect(checkCard(bad, "x-case").problems.map((p) => p.field)).toEqual([
      "stage",
      "resources.product_owner_share",
      "value.per_year[0].estimated_eur"
    ]);
  });

  test("knows the lifecycle from exploration to run", () => {
    expect(stages).toEqual(["exploration", "modelling", "incubation", "industrialisation", "deployment", "run"]);
  });
});
