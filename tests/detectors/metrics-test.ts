import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {decisionMetrics, runMetrics, MAX_CURVE_POINTS} from "../../loaders/detectors/metrics.ts";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {predictionsTable, type Prediction} from "./helpers.ts";

let engine: DuckDbEngine;
beforeAll(async () => {
  engine = await DuckDbEngine.open();
});
afterAll(async () => {
  await engine.close();
});

async function metricsOf(rows: Prediction[], threshold: number | null = 0.5) {
  await predictionsTable(engine, "p", rows);
  return runMetrics(engine, "p", threshold);
}

describe("rank metrics", () => {
  it("match scikit-learn's documented example: y_true [0,0,1,1], scores [0.1,0.4,0.35,0.8] give AUC 0.75 and AP 0.8333", async () => {
    // From the docstrings of sklearn.metrics.roc_auc_score and average_precision_score.
    const m = await metricsOf([
      [0, 0.1],
      [0, 0.4],
      [1, 0.35],
      [1, 0.8]
    ]);
    expect(m.auc).toBeCloseTo(0.75, 12);
    expect(m.average_precision).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
    expect(m.average_precision).toBeCloseTo(0.83333333, 6);
  });

  it("count every forged-over-genuine pair for AUC and step through recall gains for AP", async () => {
    // Forged at 0.9, 0.7, 0.5; genuine at 0.8, 0.6, 0.4. Pairs won: 3 + 2 + 1 = 6 of 9.
    // AP: recall gains of 1/3 at precisions 1/1, 2/3, 3/5 -> (1 + 2/3 + 3/5) / 3 = 34/45.
    const m = await metricsOf([
      [1, 0.9],
      [0, 0.8],
      [1, 0.7],
      [0, 0.6],
      [1, 0.5],
      [0, 0.4]
    ]);
    expect(m.n).toBe(6);
    expect(m.positives).toBe(3);
    expect(m.auc).toBeCloseTo(6 / 9, 12);
    expect(m.average_precision).toBeCloseTo(34 / 45, 12);
  });

  it("count a tie between a forged and a genuine document as one half", async () => {
    // Genuine 0.8 ties forged 0.8 (1/2) and beats none; genuine 0.3 is beaten by both forged: (0.5 + 2) / 4.
    // AP: at 0.8 recall 1/2 with precision 1/2, at 0.6 recall 1 with precision 2/3 -> 1/4 + 1/3.
    const m = await metricsOf([
      [1, 0.8],
      [0, 0.8],
      [1, 0.6],
      [0, 0.3]
    ]);
    expect(m.auc).toBeCloseTo(2.5 / 4, 12);
    expect(m.average_precision).toBeCloseTo(1 / 4 + 1 / 3, 12);
  });

  it("give AUC 1/2 and AP equal to the forged share when all scores are equal", async () => {
    const m = await metricsOf([
      [1, 0.5],
      [0, 0.5],
      [1, 0.5],
      [0, 0.5],
      [0, 0.5]
    ]);
    expect(m.auc).toBe(0.5);
    expect(m.average_precision).toBeCloseTo(2 / 5, 12);
    expect(m.roc).toEqual([
      {threshold: null, fpr: 0, tpr: 0},
      {threshold: 0.5, fpr: 1, tpr: 1}
    ]);
    expect(m.pr).toEqual([{threshold: 0.5, recall: 1, precision: 0.4}]);
  });

  it("leave AUC, AP, recall and both curves undefined (null, empty) when no document is forged", async () => {
    const m = await metricsOf([
      [0, 0.9],
      [0, 0.2],
      [0, 0.1]
    ]);
    expect(m.positives).toBe(0);
    expect(m.auc).toBeNull();
    expect(m.average_precision).toBeNull();
    expect(m.recall).toBeNull();
    expect(m.roc).toEqual([]);
    expect(m.pr).toEqual([]);
    // One genuine document flagged at 0.5: precision 0/1, F1 = 0 / (0 + 1 + 0), accuracy 2/3.
    expect(m.precision).toBe(0);
    expect(m.f1).toBe(0);
    expect(m.accuracy).toBeCloseTo(2 / 3, 12);
  });

  it("leave AUC undefined but give AP 1 when every document is forged", async () => {
    const m = await metricsOf([
      [1, 0.9],
      [1, 0.2]
    ]);
    expect(m.auc).toBeNull();
    expect(m.average_precision).toBe(1);
  });
});

describe("decision metrics", () => {
  it("flag documents whose score reaches the manifest threshold (score >= threshold)", async () => {
    // At 0.5: flagged 0.9 F, 0.8 G, 0.7 F, 0.6 G, 0.5 F; not flagged 0.4 G -> TP 3, FP 2, TN 1, FN 0.
    const m = await metricsOf(
      [
        [1, 0.9],
        [0, 0.8],
        [1, 0.7],
        [0, 0.6],
        [1, 0.5],
        [0, 0.4]
      ],
      0.5
    );
    expect({tp: m.tp, fp: m.fp, tn: m.tn, fn: m.fn}).toEqual({tp: 3, fp: 2, tn: 1, fn: 0});
    expect(m.precision).toBeCloseTo(3 / 5, 12);
    expect(m.recall).toBe(1);
    expect(m.f1).toBeCloseTo(0.75, 12);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.decision_source).toBe("threshold");
  });

  it("use the decisions given in the file rather than the threshold", async () => {
    // Decisions 1,0,0,1,1,0 on labels 1,0,1,0,1,0: TP 2 (docs 1, 5), FP 1 (doc 4), TN 2, FN 1 (doc 3).
    const m = await metricsOf(
      [
        [1, 0.9, 1],
        [0, 0.8, 0],
        [1, 0.7, 0],
        [0, 0.6, 1],
        [1, 0.5, 1],
        [0, 0.4, 0]
      ],
      0.5
    );
    expect({tp: m.tp, fp: m.fp, tn: m.tn, fn: m.fn}).toEqual({tp: 2, fp: 1, tn: 2, fn: 1});
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.decision_source).toBe("decision");
    // Rank metrics ignore decisions: same as the threshold example above.
    expect(m.auc).toBeCloseTo(6 / 9, 12);
  });

  it("fall back to the threshold row by row where a decision is empty", async () => {
    // Doc 1 decided 0 (FN); doc 2 has no decision, 0.8 >= 0.5 -> flagged (FP).
    const m = await metricsOf(
      [
        [1, 0.9, 0],
        [0, 0.8, null]
      ],
      0.5
    );
    expect({tp: m.tp, fp: m.fp, tn: m.tn, fn: m.fn}).toEqual({tp: 0, fp: 1, tn: 0, fn: 1});
    expect(m.decision_source).toBe("mixed");
    expect(m.precision).toBe(0);
  });

  it("leave precision undefined when nothing is flagged, and F1 at 0 when forged documents are missed", () => {
    expect(decisionMetrics({tp: 0, fp: 0, tn: 5, fn: 2})).toEqual({precision: null, recall: 0, f1: 0, accuracy: 5 / 7});
  });

  it("leave every decision metric undefined on an empty confusion matrix", () => {
    expect(decisionMetrics({tp: 0, fp: 0, tn: 0, fn: 0})).toEqual({
      precision: null,
      recall: null,
      f1: null,
      accuracy: null
    });
  });
});

describe("curves", () => {
  it("thin a 1,000-threshold run to at most 200 points from (0, 0) to (1, 1), in order", async () => {
    const rows: Prediction[] = Array.from({length: 1000}, (_, i) => [i % 3 === 0 ? 1 : 0, i / 1000]);
    const m = await metricsOf(rows);
    expect(m.roc.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(m.roc.length).toBeGreaterThan(100);
    expect(m.roc[0]).toEqual({threshold: null, fpr: 0, tpr: 0});
    expect(m.roc.at(-1)).toMatchObject({fpr: 1, tpr: 1, threshold: 0});
    for (let i = 1; i < m.roc.length; i++) {
      expect(m.roc[i].fpr).toBeGreaterThanOrEqual(m.roc[i - 1].fpr);
      expect(m.roc[i].tpr).toBeGreaterThanOrEqual(m.roc[i - 1].tpr);
    }
    expect(m.pr.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(m.pr.at(-1)).toMatchObject({recall: 1, precision: 334 / 1000});
  });

  it("keep every threshold of a small run", async () => {
    const m = await metricsOf([
      [1, 0.9],
      [0, 0.8],
      [1, 0.7],
      [0, 0.6]
    ]);
    expect(m.roc.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [1, 1]
    ]);
    expect(m.pr.map((p) => [p.recall, p.precision])).toEqual([
      [0.5, 1],
      [0.5, 0.5],
      [1, 2 / 3],
      [1, 0.5]
    ]);
  });
});
