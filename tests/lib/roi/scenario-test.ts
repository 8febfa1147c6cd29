import {describe, expect, it} from "vitest";
import {decodeScenario, defaultScenario, encodeScenario, type ScenarioContext} from "../../../src/lib/roi/scenario.ts";

const ctx: ScenarioContext = {
  models: ["v1", "v2"],
  defaultModel: "v2",
  years: [2021, 2025],
  costPerExpertise: 300,
  savingPerAbuse: null
};

describe("scenario links", () => {
  it("without parameters give the defaults and no notice", () => {
    expect(decodeScenario("", ctx)).toEqual({scenario: defaultScenario(ctx), problems: []});
    expect(defaultScenario(ctx)).toEqual({
      k: null,
      costPerExpertise: 300,
      savingPerAbuse: null,
      model: "v2",
      from: 2021,
      to: 2025
    });
  });

  it("round-trip every input through the query string", () => {
    const scenario = {k: 420, costPerExpertise: 250.5, savingPerAbuse: 9000, model: "v1", from: 2022, to: 2024};
    const search = encodeScenario(scenario, 420);
    expect(search).toBe("?k=420&cost=250.5&saving=9000&model=v1&from=2022&to=2024");
    expect(decodeScenario(search, ctx)).toEqual({scenario, problems: []});
  });

  it("spell recorded savings as saving=recorded", () => {
    const search = encodeScenario({...defaultScenario(ctx), k: 5}, 5);
    expect(search).toContain("saving=recorded");
    expect(decodeScenario(search, ctx).scenario.savingPerAbuse).toBeNull();
  });

  it("fall back to the default for each invalid parameter and say which", () => {
    const {scenario, problems} = decodeScenario("?k=-3&cost=abc&saving=0&model=v9&from=1990&to=2030", ctx);
    expect(scenario).toEqual(defaultScenario(ctx));
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/capacity k="-3"/);
    expect(problems[3]).toMatch(/model="v9".*v1, v2.*using v2/);
  });

  it("keep the valid parameters of a partly invalid link", () => {
    const {scenario, problems} = decodeScenario("?k=12.5&cost=400&model=v1", ctx);
    expect(scenario).toMatchObject({k: null, costPerExpertise: 400, model: "v1"});
    expect(problems).toEqual([expect.stringMatching(/k="12.5" is not a whole number/)]);
  });

  it("refuse numbers in forms a person would not type (exponent, hex, Infinity)", () => {
    for (const value of ["1e3", "0x10", "Infinity", " 300"]) {
      expect(decodeScenario(`?cost=${encodeURIComponent(value)}`, ctx).problems).toHaveLength(1);
    }
  });

  it("reset a period that ends before it starts", () => {
    const {scenario, problems} = decodeScenario("?from=2024&to=2022", ctx);
    expect([scenario.from, scenario.to]).toEqual([2021, 2025]);
    expect(problems).toEqual([expect.stringMatching(/ends before it starts/)]);
  });

  it("report repeated and unknown parameters", () => {
    const {scenario, problems} = decodeScenario("?k=5&k=6&colour=red", ctx);
    expect(scenario.k).toBeNull();
    expect(problems).toEqual([expect.stringMatching(/"k" is given 2 times/), 'unknown parameter "colour" ignored.']);
  });
});
