/** Comparing two deliveries' key figures, on hand-made figures whose answer is read off by eye. */
import {describe, expect, test} from "vitest";
import {
  alertFeed,
  compareFigures,
  detectorChanges,
  growingRejects,
  movedSegments,
  roiMoves
} from "../../loaders/run/compare.ts";
import type {DeliveryAlert, KeyFigures, RoiFigure, SegmentFigure} from "../../loaders/run/figures.ts";

const alert = (segment: string, dimension: DeliveryAlert["dimension"] = "contract"): DeliveryAlert => ({
  id: `drift:${dimension}:incapacity:${segment}`,
  dimension,
  guarantee: "incapacity",
  segment,
  onset: "2024-06",
  signal: "2024-09",
  reason: "cusum",
  actual: 30,
  expected: 20,
  ae: 1.5,
  excess_claims: 10,
  excess_cost_eur: 15000,
  masked: false,
  message: null
});

const segment = (
  name: string,
  ae: number | null,
  dimension: SegmentFigure["dimension"] = "contract"
): SegmentFigure => ({
  dimension,
  guarantee: "incapacity",
  segment: name,
  exposure_years: 100,
  actual: ae === null ? 0 : ae * 10,
  expected: ae === null ? 0 : 10,
  ae,
  ae_low: null,
  ae_high: null
});

const figures = (parts: Partial<KeyFigures>): KeyFigures => ({
  version: 1,
  snapshot_date: "2025-12-31",
  window: {from: "2021-01", to: "2025-12"},
  alerts: [],
  segments: [],
  roi: [],
  detectors: [],
  files: [],
  ...parts
});

describe("alertFeed", () => {
  test("marks every alert new when there is no previous delivery", () => {
    expect(alertFeed([alert("A"), alert("B")], null).map((a) => a.status)).toEqual(["new", "new"]);
  });

  test("marks an alert raised again continuing, a new one new, and a vanished one closed with its last figures", () => {
    const feed = alertFeed([alert("A"), alert("C")], [alert("A"), alert("B")]);
    expect(feed.map((a) => [a.segment, a.status])).toEqual([
      ["A", "continuing"],
      ["C", "new"],
      ["B", "closed"]
    ]);
    expect(feed[2].excess_cost_eur).toBe(15000);
  });

  test("tells the same segment in two dimensions apart", () => {
    const feed = alertFeed([alert("32", "region")], [alert("32", "contract")]);
    expect(feed.map((a) => [a.dimension, a.status])).toEqual([
      ["region", "new"],
      ["contract", "closed"]
    ]);
  });
});

describe("movedSegments", () => {
  test("ranks the segments present in both deliveries by the absolute change of their A/E", () => {
    const moved = movedSegments(
      [segment("A", 1.1), segment("B", 0.7), segment("C", 2.0), segment("D", null)],
      [segment("A", 1.0), segment("B", 1.0), segment("D", 1.0), segment("E", 3.0)]
    );
    expect(moved.map((m) => [m.segment, Number(m.change.toFixed(6))])).toEqual([
      ["B", -0.3],
      ["A", 0.1]
    ]);
  });
});

describe("detectorChanges", () => {
  const row = (dataset: string, auc: number | null, run = "r1") => ({
    run_id: run,
    detector: "copy-move",
    detector_version: "2.0.0",
    dataset,
    n: 100,
    positives: 30,
    auc
  });

  test("lists new, removed and changed cells, ignoring a rerun with the same metrics", () => {
    const changes = detectorChanges(
      [row("CASIA", 0.9, "r2"), row("PaySlip", 0.75), row("New", 0.6)],
      [row("CASIA", 0.9), row("PaySlip", 0.7), row("Gone", 0.5)]
    );
    expect(changes.map((c) => [c.dataset, c.change])).toEqual([
      ["PaySlip", "changed"],
      ["New", "new"],
      ["Gone", "removed"]
    ]);
    expect(changes[0].metrics).toEqual({auc: [0.7, 0.75]});
  });

  test("treats a difference of floating-point noise as no change", () => {
    expect(detectorChanges([row("CASIA", 0.9 + 1e-13)], [row("CASIA", 0.9)])).toEqual([]);
  });
});

describe("growingRejects", () => {
  test("keeps the files with more rejected rows than before, a new file counting from zero", () => {
    const file = (name: string, rejected: number) => ({
      file: name,
      rows_read: 100,
      rows_accepted: 100 - rejected,
      rows_rejected: rejected
    });
    expect(
      growingRejects([file("claims", 5), file("scores", 1), file("models", 2)], [file("claims", 3), file("scores", 1)])
    ).toEqual([
      {...file("claims", 5), previous_rejected: 3},
      {...file("models", 2), previous_rejected: 0}
    ]);
  });
});

describe("compareFigures", () => {
  test("says there is no previous delivery for the first one, and compares nothing else", () => {
    const changes = compareFigures(figures({alerts: [alert("A")], segments: [segment("A", 1.2)]}), null);
    expect(changes).toMatchObject({
      previous: null,
      alerts: {new: 1, continuing: 0, closed: 0},
      moved: [],
      detectors: [],
      rejects: []
    });
  });

  test("counts new, continuing and closed alerts against the previous delivery", () => {
    const previous = figures({snapshot_date: "2024-09-30", alerts: [alert("A"), alert("B")]});
    const changes = compareFigures(figures({alerts: [alert("A"), alert("C"), alert("D")]}), previous);
    expect(changes.previous).toBe("2024-09-30");
    expect(changes.alerts).toEqual({new: 2, continuing: 1, closed: 1});
  });

  test("does not compare with figures stored by another version of Carnet", () => {
    const previous = {...figures({alerts: [alert("A")]}), version: 0};
    expect(compareFigures(figures({alerts: [alert("A")]}), previous).previous).toBeNull();
  });
});

describe("roiMoves", () => {
  const roi = (model_version: string, claims: number, k: number | null, net: number | null): RoiFigure => ({
    model_version,
    claims,
    abuses: null,
    base_rate: k === null ? null : 0.1,
    break_even_precision: null,
    optimum_k: k,
    optimum_net_eur: net,
    grid: [],
    masked: k === null
  });

  test("puts each current version's optimum beside the previous delivery's, a new version with nothing before", () => {
    const moves = roiMoves(
      [roi("v1", 1200, 420, 310_000), roi("v2", 900, 300, 250_000)],
      [roi("v1", 1100, 400, 290_000)]
    );
    expect(moves).toEqual([
      {
        model_version: "v1",
        previous_claims: 1100,
        claims: 1200,
        previous_optimum_k: 400,
        optimum_k: 420,
        previous_optimum_net_eur: 290_000,
        optimum_net_eur: 310_000,
        previous_base_rate: 0.1,
        base_rate: 0.1
      },
      {
        model_version: "v2",
        previous_claims: null,
        claims: 900,
        previous_optimum_k: null,
        optimum_k: 300,
        previous_optimum_net_eur: null,
        optimum_net_eur: 250_000,
        previous_base_rate: null,
        base_rate: 0.1
      }
    ]);
  });

  test("keeps a masked optimum null, never 0", () => {
    const [move] = roiMoves([roi("v1", 8, null, null)], [roi("v1", 1100, 400, 290_000)]);
    expect(move).toMatchObject({claims: 8, optimum_k: null, optimum_net_eur: null, previous_optimum_k: 400});
  });

  test("is empty in the comparison of a first delivery", () => {
    expect(compareFigures(figures({roi: [roi("v1", 1200, 420, 310_000)]}), null).roi).toEqual([]);
    expect(
      compareFigures(figures({roi: [roi("v1", 1200, 420, 310_000)]}), figures({roi: [roi("v1", 1100, 400, 1)]})).roi
    ).toHaveLength(1);
  });
});
