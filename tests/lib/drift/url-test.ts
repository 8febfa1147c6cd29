import {describe, expect, it} from "vitest";
import {driftViewQuery, parseDriftView, type DriftView} from "../../../src/lib/drift/url.ts";

const defaults: DriftView = {
  dimension: "contract",
  grain: "quarter",
  guarantee: "incapacity",
  from: "2021-01",
  to: "2025-12",
  minExposure: 100,
  baseline: "segment",
  segment: null
};
const choices = {
  dimensions: ["contract", "sector"],
  grains: ["month", "quarter", "year"],
  guarantees: ["incapacity", "death"],
  months: ["2021-01", "2023-06", "2025-12"],
  baselines: ["segment", "portfolio"],
  maxExposure: 1000
};

describe("drift page addresses", () => {
  it("an empty query string gives the defaults and ignores nothing", () => {
    expect(parseDriftView("", defaults, choices)).toEqual({view: defaults, ignored: []});
  });

  it("a view written to the address reads back as the same view", () => {
    const view = {
      ...defaults,
      dimension: "sector",
      grain: "month",
      from: "2023-06",
      minExposure: 250,
      baseline: "portfolio",
      segment: "49.41A"
    };
    const query = driftViewQuery(view, defaults);
    expect(query).toBe("?dimension=sector&grain=month&from=2023-06&minExposure=250&baseline=portfolio&segment=49.41A");
    expect(parseDriftView(query, defaults, choices)).toEqual({view, ignored: []});
  });

  it("invalid parameters fall back to their defaults and are named", () => {
    const {view, ignored} = parseDriftView(
      "?dimension=planet&grain=week&minExposure=-5&to=2030-01&guarantee=death",
      defaults,
      choices
    );
    expect(view).toEqual({...defaults, guarantee: "death"});
    expect(ignored).toEqual(["dimension", "grain", "to", "minExposure"]);
  });

  it("the defaults write an empty query string", () => {
    expect(driftViewQuery(defaults, defaults)).toBe("");
  });
});
