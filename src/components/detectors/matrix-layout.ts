/**
 * The layout of the detector x dataset matrix as plain data: its rows (detector versions grouped by detector),
 * columns (datasets), every cell's run, state, colour, text and tooltip, and the sizes that fit the width.
 * Pure (d3 scales and colours, no DOM), so it is tested without rendering; matrix.ts draws it with d3.
 */
import * as d3 from "d3";
import {versionOrder} from "../../lib/detectors/compare.js";
import {METRIC_LABELS, formatMetric, type Metric} from "../../lib/detectors/metrics.js";
import {formatCount} from "../../lib/format.js";

/** What a cell needs; page runs carry more. */
export interface MatrixRun {
  id: string;
  detector: string;
  detector_version: string;
  dataset: string;
  n?: number;
  positives?: number;
  rows_rejected?: number;
}

export interface MatrixOptions {
  metric: Metric | string;
  /** Label of the metric in the legend and tooltips. */
  metricLabel?: string;
  /** Available width in pixels; the matrix scrolls sideways when it needs more. */
  width?: number;
  /** Column order (default: sorted). */
  datasets?: readonly string[];
  /** Colour domain; default [0.5, 1] for AUC (0.5 = chance), [0, 1] otherwise. */
  domain?: [number, number];
  /** Id of the run selected initially. */
  selected?: string | null;
}

export interface MatrixRow {
  detector: string;
  version: string;
  /** First version row of its detector: carries the detector's name and a rule above. */
  first: boolean;
}

export type CellState = "run" | "undefined" | "not-run";

export interface MatrixCell<T extends MatrixRun> {
  detector: string;
  version: string;
  dataset: string;
  run: T | null;
  state: CellState;
  row: number;
  column: number;
  fill: string;
  textFill: string;
  text: string;
  title: string;
  /** Screen-reader label of a run's cell; null when there is no run. */
  ariaLabel: string | null;
}

export interface MatrixLayout<T extends MatrixRun> {
  label: string;
  datasets: string[];
  rows: MatrixRow[];
  cells: MatrixCell<T>[];
  domain: [number, number];
  color: d3.ScaleSequential<string>;
  rowHeight: number;
  cellWidth: number;
  labelWidth: number;
  headerHeight: number;
  width: number;
  height: number;
}

export const ROW_HEIGHT = 28;
const MIN_CELL_WIDTH = 56;
const MAX_CELL_WIDTH = 110;
/** Width of one character of 12 px text, near enough to size the label columns. */
const CHAR_WIDTH = 7.2;

/** The metric of a run, or null when it is undefined (AUC without forged documents...). */
function metricValue(run: MatrixRun, metric: string): number | null {
  const v = (run as unknown as Record<string, unknown>)[metric];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function matrixLayout<T extends MatrixRun>(runs: readonly T[], options: MatrixOptions): MatrixLayout<T> {
  const {metric} = options;
  const label = options.metricLabel ?? METRIC_LABELS[metric as Metric] ?? metric;
  const datasets = options.datasets
    ? [...options.datasets]
    : [...new Set(runs.map((r) => r.dataset))].sort((a, b) => a.localeCompare(b));
  const detectors = [...new Set(runs.map((r) => r.detector))].sort((a, b) => a.localeCompare(b));
  const rows = detectors.flatMap((detector) =>
    [...new Set(runs.filter((r) => r.detector === detector).map((r) => r.detector_version))]
      .sort(versionOrder)
      .map((version, i) => ({detector, version, first: i === 0}))
  );
  const byCell = new Map(runs.map((r) => [key(r.detector, r.detector_version, r.dataset), r]));

  const domain = options.domain ?? (metric === "auc" ? [0.5, 1] : [0, 1]);
  const color = d3.scaleSequential(d3.interpolateYlGnBu).domain(domain).clamp(true);

  const detectorWidth = Math.min(180, 14 + CHAR_WIDTH * (d3.max(detectors, (d) => d.length) ?? 0)) || 80;
  const versionWidth = Math.min(110, 14 + CHAR_WIDTH * (d3.max(rows, (r) => r.version.length) ?? 4));
  const labelWidth = detectorWidth + versionWidth;
  const available = (options.width ?? 900) - labelWidth - 10;
  const cellWidth = Math.max(
    MIN_CELL_WIDTH,
    Math.min(MAX_CELL_WIDTH, Math.floor(available / Math.max(1, datasets.length)))
  );
  const longest = d3.max(datasets, (d) => d.length) ?? 4;
  const headerHeight = Math.min(160, 18 + longest * 5.6);

  const cells = rows.flatMap((r, row) =>
    datasets.map((dataset, column): MatrixCell<T> => {
      const run = byCell.get(key(r.detector, r.version, dataset)) ?? null;
      const value = run ? metricValue(run, metric) : null;
      const state: CellState = !run ? "not-run" : value === null ? "undefined" : "run";
      const name = `${r.detector} ${r.version} × ${dataset}`;
      const lines = [name];
      if (run) {
        lines.push(`${label}: ${formatMetric(value, 4)}`);
        if (run.n !== undefined)
          lines.push(
            `${formatCount(run.n)} documents, ${run.positives === undefined ? "?" : formatCount(run.positives)} forged`
          );
        if ((run.rows_rejected ?? 0) > 0) lines.push(`* ${formatCount(run.rows_rejected)} prediction rows rejected`);
        lines.push("Click for the drill-down");
      }
      return {
        detector: r.detector,
        version: r.version,
        dataset,
        run,
        state,
        row,
        column,
        fill: state === "not-run" ? "none" : state === "undefined" ? "#e6e6e6" : color(value!),
        textFill:
          state === "not-run"
            ? "currentColor"
            : state === "undefined"
              ? "#555"
              : d3.lab(color(value!)).l < 55
                ? "white"
                : "black",
        text: run ? formatMetric(value) + ((run.rows_rejected ?? 0) > 0 ? "*" : "") : "not run",
        title: run ? lines.join("\n") : `${name}: not run`,
        ariaLabel: run ? `${r.detector} ${r.version}, ${dataset}: ${label} ${formatMetric(value)}` : null
      };
    })
  );

  return {
    label,
    datasets,
    rows,
    cells,
    domain,
    color,
    rowHeight: ROW_HEIGHT,
    cellWidth,
    labelWidth,
    headerHeight,
    width: labelWidth + cellWidth * datasets.length + 10,
    height: headerHeight + ROW_HEIGHT * rows.length + 4
  };
}

function key(detector: string, version: string, dataset: string): string {
  return JSON.stringify([detector, version, dataset]);
}
