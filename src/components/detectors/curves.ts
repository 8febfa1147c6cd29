/** ROC and precision-recall curves of one run, drawn with Plot; an undefined curve is said so in words. */
import * as Plot from "@observablehq/plot";
import {formatMetric} from "../../lib/detectors/metrics.js";

export function rocChart(
  roc: readonly [number, number][],
  {auc = null, width = 640}: {auc?: number | null; width?: number} = {}
): HTMLElement | SVGSVGElement {
  if (!roc.length) return note("ROC curve undefined: the dataset needs both forged and genuine documents.");
  return Plot.plot({
    style: {fontSize: "12px"},
    width,
    height: Math.round(Math.min(420, Math.max(240, width * 0.7))),
    title: `ROC curve (AUC ${formatMetric(auc)})`,
    x: {domain: [0, 1], label: "False positive rate →", grid: true},
    y: {domain: [0, 1], label: "↑ True positive rate", grid: true},
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1]
        ],
        {stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "4,4"}
      ),
      Plot.areaY(roc, {
        x: (d: [number, number]) => d[0],
        y: (d: [number, number]) => d[1],
        fill: "steelblue",
        fillOpacity: 0.12
      }),
      Plot.line(roc, {
        x: (d: [number, number]) => d[0],
        y: (d: [number, number]) => d[1],
        stroke: "steelblue",
        strokeWidth: 2
      })
    ]
  });
}

export function prChart(
  pr: readonly [number, number][],
  {
    averagePrecision = null,
    prevalence = null,
    width = 640
  }: {averagePrecision?: number | null; prevalence?: number | null; width?: number} = {}
): HTMLElement | SVGSVGElement {
  if (!pr.length) return note("Precision-recall curve undefined: the dataset has no forged document.");
  return Plot.plot({
    style: {fontSize: "12px"},
    width,
    height: Math.round(Math.min(420, Math.max(240, width * 0.7))),
    title: `Precision-recall (AP ${formatMetric(averagePrecision)})`,
    x: {domain: [0, 1], label: "Recall →", grid: true},
    y: {domain: [0, 1], label: "↑ Precision", grid: true},
    marks: [
      // A detector that flags at random has precision = the share of forged documents.
      ...(prevalence !== null
        ? [Plot.ruleY([prevalence], {stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "4,4"})]
        : []),
      // AP is the area under this step function (precision held until recall next increases).
      Plot.line(pr, {
        x: (d: [number, number]) => d[0],
        y: (d: [number, number]) => d[1],
        stroke: "darkorange",
        strokeWidth: 2,
        curve: "step-before"
      })
    ]
  });
}

function note(text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "curve-undefined";
  p.textContent = text;
  return p;
}
