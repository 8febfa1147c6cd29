// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {sincePrevious, type DeliveryChanges} from "../../../src/components/run/since-previous.ts";

const changes = (previous: string | null, roi: DeliveryChanges["roi"] = []): DeliveryChanges => ({
  previous,
  alerts: {new: 2, continuing: 0, closed: 0},
  feed: [],
  moved: [],
  roi,
  detectors: [],
  rejects: []
});

const v1 = {
  model_version: "v1",
  previous_claims: 1100,
  claims: 1200,
  previous_optimum_k: 400,
  optimum_k: 420,
  previous_optimum_net_eur: 290_000,
  optimum_net_eur: 310_400.4,
  previous_base_rate: 0.1,
  base_rate: 0.11
};
const v2 = {
  ...v1,
  model_version: "v2",
  previous_claims: null,
  previous_optimum_k: null,
  previous_optimum_net_eur: null
};

describe("sincePrevious", () => {
  test("says a first delivery has nothing to compare with, and shows no optimum before and now", () => {
    const root = sincePrevious(changes(null), {roiHref: "./expertise-roi"});
    expect(root.querySelector(".carnet-no-previous")!.textContent).toContain("first delivery");
    expect(root.querySelector(".carnet-roi-moves")).toBeNull();
  });

  test("shows each model version's optimum before and now, a new version with a dash before, and links to the ROI page", () => {
    const root = sincePrevious(changes("2025-12-15", [v1, v2]), {roiHref: "./expertise-roi"});
    const rows = [...root.querySelectorAll(".carnet-roi-moves tbody tr")].map((tr) =>
      [...tr.children].map((td) => td.textContent)
    );
    expect(rows).toEqual([
      ["v1", "1100 → 1200", "400 → 420", "290,000 € → 310,400 €"],
      ["v2", "— → 1200", "— → 420", "— → 310,400 €"]
    ]);
    expect(root.querySelector<HTMLAnchorElement>('a[href="./expertise-roi"]')).not.toBeNull();
  });
});
