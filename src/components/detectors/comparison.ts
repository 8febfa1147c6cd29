/**
 * Version comparison: for one detector, the change of a metric from version A to version B on each dataset,
 * as bars on a diverging colour scale (blue better, red worse), with the count of datasets improved / worse.
 */
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type {VersionComparison} from "../../lib/detectors/compare.js";
import {METRIC_LABELS, formatDelta, formatMetric} from "../../lib/detectors/metrics.js";

export function versionComparison(comparison: VersionComparison, {width = 640}: {width?: number} = {}): HTMLElement {
  const {rows, versionA, versionB, detector, metric} = comparison;
  const label = METRIC_LABELS[metric];
  const root = document.createElement("div");
  root.className = "detector-comparison";

  const summary = document.createElement("p");
  summary.className = "comparison-summary";
  summary.textContent =
    `${detector} ${versionB} against ${versionA}, ${label}: improved on ${plural(comparison.improved, "dataset")}, ` +
    `worse on ${comparison.worse}, unchanged on ${comparison.unchanged}` +
    (comparison.notComparable
      ? `, not comparable on ${comparison.notComparable} (run with one version only, or metric undefined)`
      : "") +
    ".";
  root.append(summary);
  if (versionA === versionB) {
    summary.textContent = "Pick two different versions to compare.";
    return root;
  }

  const comparable = rows.filter((r) => r.delta !== null) as ((typeof rows)[number] & {delta: number})[];
  const extent = Math.max(0.01, d3.max(comparable, (r) => Math.abs(r.delta)) ?? 0.01);
  const chart = Plot.plot({
    style: {fontSize: "12px"},
    // Never narrower than its margins (a page may report width 0 while hidden or resizing).
    width: Math.max(width, 360),
    height: 34 + 24 * rows.length,
    marginLeft: Math.min(160, 10 + 7 * (d3.max(rows, (r) => r.dataset.length) ?? 4)),
    marginRight: 60,
    // The axis reaches past the longest bar so its printed change stays clear of the dataset names.
    x: {
      domain: [-extent * 1.35, extent * 1.35],
      label: `${label}: ${versionB} − ${versionA} →`,
      grid: true,
      tickFormat: "+.2f"
    },
    y: {domain: rows.map((r) => r.dataset), label: null},
    color: {type: "diverging", scheme: "RdBu", domain: [-extent, extent], pivot: 0},
    marks: [
      Plot.barX(comparable, {
        x: "delta",
        y: "dataset",
        fill: "delta",
        title: (r: (typeof comparable)[number]) =>
          `${r.dataset}\n${versionA}: ${formatMetric(r.a, 4)}\n${versionB}: ${formatMetric(r.b, 4)}\nchange: ${formatDelta(r.delta, 4)}`
      }),
      Plot.text(
        comparable.filter((r) => r.delta >= 0),
        {
          x: "delta",
          y: "dataset",
          text: (r: (typeof comparable)[number]) => formatDelta(r.delta),
          dx: 4,
          textAnchor: "start"
        }
      ),
      Plot.text(
        comparable.filter((r) => r.delta < 0),
        {
          x: "delta",
          y: "dataset",
          text: (r: (typeof comparable)[number]) => formatDelta(r.delta),
          dx: -4,
          textAnchor: "end"
        }
      ),
      Plot.text(
        rows.filter((r) => r.delta === null),
        {x: 0, y: "dataset", text: () => "not comparable", fillOpacity: 0.6, fontStyle: "italic"}
      ),
      Plot.ruleX([0])
    ]
  });
  root.append(chart);
  return root;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
