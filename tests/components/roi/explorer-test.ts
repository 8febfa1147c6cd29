// @vitest-environment jsdom
import {describe, expect, it, vi} from "vitest";
import {roiExplorer, type RoiContext} from "../../../src/components/roi/explorer.ts";
import type {ClaimColumns} from "../../../src/lib/roi/explorer-model.ts";
import {MASK} from "../../../src/lib/secrecy.ts";

/**
 * 40 claims of model v2 with scores 1 - i/40 (rank i + 1). Abuses at i = 0, 2, 4, 6, 8, 15, 25, 35 (8 of 40).
 * Claims with i a multiple of 5 are the random arm (8 claims), the other 32 the rule arm (abuses 2, 4, 6, 8: 1 in 8).
 * With 8,000 EUR per abuse and 300 EUR per expertise:
 *   k = 20: 6 abuses, 48,000 - 6,000 = 42,000 EUR; the rule at 20: 2.5 abuses, 20,000 - 6,000 = 14,000 EUR.
 *   k = 30: 7 abuses, 56,000 - 9,000 = 47,000 EUR.   optimum: k = 36, 64,000 - 10,800 = 53,200 EUR.
 */
function data(): {claims: ClaimColumns; context: RoiContext} {
  const n = 40;
  const abuses = new Set([0, 2, 4, 6, 8, 15, 25, 35]);
  const idx = Array.from({length: n}, (_, i) => i);
  const claims: ClaimColumns = {
    model_version: idx.map(() => "v2"),
    rank: idx.map((i) => i + 1),
    score: idx.map((i) => 1 - i / n),
    year: idx.map((i) => (i < 20 ? 2021 : 2022)),
    abuse: idx.map((i) => (abuses.has(i) ? 1 : 0)),
    saving_eur: idx.map((i) => (abuses.has(i) ? 5000 : 0)),
    arm: idx.map((i) => (i % 5 === 0 ? "random" : "rule"))
  };
  return {
    claims,
    context: {
      models: [{model_version: "v2"}, {model_version: "v1"}],
      default_model: "v2",
      years: [2021, 2022],
      defaults: {cost_per_expertise: 300, saving_per_abuse: null},
      coverage: [{model_version: "v2", year: 2021, outcome: "pending", arm: "rule", scored: true, claims: 12}]
    }
  };
}

const kpi = (root: HTMLElement, name: string) => root.querySelector(`[data-kpi="${name}"] .big`)!.textContent;
const detail = (root: HTMLElement, name: string) =>
  root.querySelector(`[data-kpi="${name}"] .roi-kpi-detail`)!.textContent!;
const scenario = "?k=20&cost=300&saving=8000&model=v2&from=2021&to=2022";

function slide(root: HTMLElement, k: number) {
  const range = root.querySelector<HTMLInputElement>('input[name="k"]')!;
  range.value = String(k);
  range.dispatchEvent(new Event("input"));
}

describe("the ROI explorer", () => {
  it("shows the scenario of its link in the KPI cards", () => {
    const root = roiExplorer(data(), {search: scenario});
    expect(kpi(root, "expertises")).toBe("20");
    expect(detail(root, "expertises")).toContain("score ≥ 0.5250");
    expect(kpi(root, "abuses")).toBe("6");
    expect(detail(root, "abuses")).toContain("precision 30.0% (naive");
    expect(kpi(root, "net")).toBe("42 k€");
    expect(kpi(root, "rule")).toBe("+28 k€");
    expect(detail(root, "roi")).toContain("optimum 36 expertises (53 k€)");
    expect(detail(root, "roi")).toContain("break-even precision 3.75%");
    expect(root.querySelector(".roi-notice")!.hasAttribute("hidden")).toBe(true);
    expect(root.querySelector(".roi-summary")!.textContent).toContain("40 expertised claims");
  });

  it("updates the KPI cards and the chosen point when the capacity slider moves", () => {
    const root = roiExplorer(data(), {search: scenario});
    slide(root, 30);
    expect(kpi(root, "expertises")).toBe("30");
    expect(kpi(root, "abuses")).toBe("7");
    expect(kpi(root, "net")).toBe("47 k€");
    const markers = [...root.querySelectorAll<SVGGElement>(".roi-chosen")];
    expect(markers).toHaveLength(3);
    expect(markers.map((m) => m.dataset.x)).toEqual(["30", "30", "30"]);
    expect(markers[2].dataset.y).toBe("47000");
  });

  it("links the score threshold to the capacity", () => {
    const root = roiExplorer(data(), {search: scenario});
    const threshold = root.querySelector<HTMLInputElement>('input[name="threshold"]')!;
    threshold.value = "0.9";
    threshold.dispatchEvent(new Event("input"));
    // Scores 1, 0.975, 0.95, 0.925, 0.9 are >= 0.9.
    expect(kpi(root, "expertises")).toBe("5");
  });

  it("writes the scenario back into the address, debounced", async () => {
    vi.useFakeTimers();
    const replace = vi.fn();
    const root = roiExplorer(data(), {search: scenario, replaceSearch: replace});
    slide(root, 25);
    slide(root, 26);
    vi.advanceTimersByTime(500);
    vi.useRealTimers();
    expect(replace).toHaveBeenLastCalledWith("?k=26&cost=300&saving=8000&model=v2&from=2021&to=2022");
    // Opening that address again shows the same figures.
    const again = roiExplorer(data(), {search: replace.mock.lastCall![0]});
    expect([kpi(again, "expertises"), kpi(again, "abuses"), kpi(again, "net")]).toEqual([
      kpi(root, "expertises"),
      kpi(root, "abuses"),
      kpi(root, "net")
    ]);
  });

  it("copies the link of the scenario", async () => {
    const writeText = vi.fn(async () => {});
    const root = roiExplorer(data(), {
      search: scenario,
      clipboard: {writeText},
      linkFor: (s) => `http://carnet/expertise-roi${s}`
    });
    root.querySelector<HTMLButtonElement>(".roi-copy")!.click();
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledWith(
      "http://carnet/expertise-roi?k=20&cost=300&saving=8000&model=v2&from=2021&to=2022"
    );
  });

  it("falls back to defaults with a visible notice when the link is invalid", () => {
    const root = roiExplorer(data(), {search: "?k=lots&cost=-5&model=v7"});
    const notice = root.querySelector<HTMLElement>(".roi-notice")!;
    expect(notice.hidden).toBe(false);
    expect(notice.querySelectorAll("li")).toHaveLength(3);
    expect(notice.textContent).toContain('model="v7"');
    // Defaults: recorded savings (5,000 EUR per abuse), 300 EUR, the optimum capacity.
    // Net with 5,000 EUR per abuse peaks at each new abuse: k = 9: 22,300; k = 16: 25,200; k = 26: 27,200;
    // k = 36: 40,000 - 10,800 = 29,200 (then k = 40: 28,000), so the optimum is 36.
    expect(kpi(root, "expertises")).toBe("36");
  });

  it("tells the page the model its scenario uses: at start (the default for a link naming an unknown one) and on each change", () => {
    const models: string[] = [];
    const root = roiExplorer(data(), {search: "?model=v7", onModelChange: (m) => models.push(m)});
    expect(models).toEqual(["v2"]);
    const from = root.querySelector<HTMLSelectElement>('select[name="from"]')!;
    from.value = "2022";
    from.dispatchEvent(new Event("change"));
    expect(models).toEqual(["v2"]);
    const model = root.querySelector<HTMLSelectElement>('select[name="model"]')!;
    model.value = "v1";
    model.dispatchEvent(new Event("change"));
    expect(models).toEqual(["v2", "v1"]);
  });

  it("caps a capacity above the backtest and says so", () => {
    const root = roiExplorer(data(), {search: "?k=500"});
    expect(kpi(root, "expertises")).toBe("40");
    expect(root.querySelector(".roi-notice")!.textContent).toContain("k=500 is more than the 40 claims");
  });

  it("masks figures describing fewer than 11 claims", () => {
    const root = roiExplorer(data(), {search: "?k=5"});
    expect(kpi(root, "abuses")).toBe(MASK);
    expect(kpi(root, "net")).toBe(MASK);
    // Deciles of 40 claims hold 4 each: their abuse counts are masked too.
    const rows = [...root.querySelectorAll(".roi-deciles tbody tr")];
    expect(rows).toHaveLength(10);
    expect(rows[0].children[3].textContent).toBe(MASK);
  });

  it("rebuilds the backtest for another period", () => {
    const root = roiExplorer(data(), {search: scenario});
    const from = root.querySelector<HTMLSelectElement>('select[name="from"]')!;
    from.value = "2022";
    from.dispatchEvent(new Event("change"));
    // 2022 holds i = 20..39: 20 claims, abuses 25 and 35; capacity 20 takes them all.
    expect(kpi(root, "expertises")).toBe("20");
    expect(kpi(root, "abuses")).toBe("2");
    expect(root.querySelector(".roi-summary")!.textContent).toContain("20 expertised claims");
    // Random arm in 2022: i = 20, 25, 30, 35 (4 claims): too few to publish.
    expect(root.querySelector(".roi-summary")!.textContent).toContain(
      "Random control arm: fewer than 11 claims (masked)."
    );
  });
});

describe("the chosen point", () => {
  it("sits on the gain curve at the chosen capacity (recall 6 / 8 at k = 20)", () => {
    const root = roiExplorer(data(), {search: scenario});
    const gain = root.querySelectorAll<SVGGElement>(".roi-chosen")[0];
    expect(gain.dataset.y).toBe(String(6 / 8));
    // The dot is drawn where the chart's own y axis puts 75%: between its 60% and 80% ticks.
    const ticks = [...gain.ownerSVGElement!.querySelectorAll('g[aria-label="y-axis tick label"] text')];
    const at = (label: string) =>
      Number(
        ticks
          .find((t) => t.textContent === label)!
          .getAttribute("transform")!
          .match(/,\s*([-\d.]+)\)/)![1]
      );
    const cy = Number(gain.querySelector("circle")!.getAttribute("cy"));
    expect(cy).toBeLessThan(at("60%"));
    expect(cy).toBeGreaterThan(at("80%"));
    // Linear between them: 75% is three quarters of the way from 60% to 80%.
    expect(cy).toBeCloseTo(at("60%") + 0.75 * (at("80%") - at("60%")), 0);
  });
});
