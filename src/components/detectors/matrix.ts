/**
 * The detector x dataset matrix, drawn with d3: one row per detector version (grouped by detector), one
 * column per dataset, each cell coloured by the chosen metric with its value printed. A cell with no run says
 * "not run", so gaps in the experimental plan show; a run whose metric is undefined says "undefined".
 * The element is an input: clicking a cell (or Enter on it) sets `.value` to that cell's run and dispatches
 * an "input" event, so a page can write `const cell = view(detectorMatrix(...))`.
 * What each cell shows and where is computed by matrix-layout.ts (pure, tested without a DOM); this file draws it.
 */
import * as d3 from "d3";
import {matrixLayout, type MatrixOptions, type MatrixRun} from "./matrix-layout.js";

export type {MatrixOptions, MatrixRun};

export type MatrixElement<T extends MatrixRun> = HTMLDivElement & {value: T | null};

export function detectorMatrix<T extends MatrixRun>(runs: readonly T[], options: MatrixOptions): MatrixElement<T> {
  const layout = matrixLayout(runs, options);
  const {label, datasets, rows, color, domain, cellWidth, labelWidth, headerHeight, width, height} = layout;
  const ROW_HEIGHT = layout.rowHeight;
  const root = document.createElement("div") as MatrixElement<T>;
  root.className = "detector-matrix";
  root.style.overflowX = "auto";
  root.style.maxWidth = "100%";
  root.value = null;
  if (!runs.length) {
    root.textContent = "No detector run to show.";
    return root;
  }

  const svg = d3
    .select(root)
    .append("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "table")
    .attr("aria-label", `${label} per detector version and dataset`)
    .style("font", "12px var(--sans-serif, system-ui, sans-serif)")
    .style("max-width", "none");

  const column = svg
    .append("g")
    .attr("class", "columns")
    .selectAll("g")
    .data(datasets)
    .join("g")
    .attr(
      "transform",
      (_, i) => `translate(${labelWidth + (i + 0.5) * cellWidth + 4},${headerHeight - 6}) rotate(-40)`
    );
  column
    .append("text")
    .attr("fill", "currentColor")
    .text((d) => d);
  column.append("title").text((d) => d);

  const body = svg.append("g").attr("transform", `translate(0,${headerHeight})`);
  const row = body
    .selectAll("g.row")
    .data(rows)
    .join("g")
    .attr("class", "row")
    .attr("role", "row")
    .attr("transform", (_, i) => `translate(0,${i * ROW_HEIGHT})`);

  // Detector name on the first version row of its group, a rule above each new group.
  row
    .filter((r) => r.first)
    .call((g) =>
      g
        .append("text")
        .attr("class", "detector")
        .attr("x", 0)
        .attr("y", ROW_HEIGHT / 2)
        .attr("dy", "0.35em")
        .attr("font-weight", "bold")
        .attr("fill", "currentColor")
        .text((r) => r.detector)
    )
    .call((g) =>
      g
        .append("line")
        .attr("x1", 0)
        .attr("x2", width)
        .attr("y1", 0)
        .attr("y2", 0)
        .attr("stroke", "currentColor")
        .attr("stroke-opacity", 0.35)
    );
  row
    .append("text")
    .attr("class", "version")
    .attr("x", labelWidth - 8)
    .attr("y", ROW_HEIGHT / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((r) => r.version);

  const cells = row
    .selectAll("g.cell")
    .data((_, i) => layout.cells.filter((c) => c.row === i))
    .join("g")
    .attr("class", (c) => `cell ${c.state}`)
    .attr("role", "cell")
    .attr("data-detector", (c) => c.detector)
    .attr("data-version", (c) => c.version)
    .attr("data-dataset", (c) => c.dataset)
    .attr("transform", (c) => `translate(${labelWidth + c.column * cellWidth},0)`);

  cells
    .append("rect")
    .attr("x", 1)
    .attr("y", 1)
    .attr("width", cellWidth - 2)
    .attr("height", ROW_HEIGHT - 2)
    .attr("rx", 2)
    .attr("fill", (c) => c.fill)
    .attr("stroke", (c) => (c.run ? "none" : "currentColor"))
    .attr("stroke-opacity", 0.3)
    .attr("stroke-dasharray", (c) => (c.run ? null : "3,3"));

  cells
    .append("text")
    .attr("x", cellWidth / 2)
    .attr("y", ROW_HEIGHT / 2)
    .attr("dy", "0.35em")
    .attr("text-anchor", "middle")
    .attr("font-variant-numeric", "tabular-nums")
    .attr("font-size", 12)
    .attr("font-style", (c) => (c.state === "run" ? null : "italic"))
    .attr("fill", (c) => c.textFill)
    .attr("fill-opacity", (c) => (c.run ? 1 : 0.55))
    .text((c) => c.text);

  cells.append("title").text((c) => c.title);

  const runCells = cells
    .filter((c) => c.run !== null)
    .attr("tabindex", 0)
    .attr("aria-label", (c) => c.ariaLabel)
    .style("cursor", "pointer");
  const outline = body
    .append("rect")
    .attr("class", "selection")
    .attr("fill", "none")
    .attr("stroke", "#d62728")
    .attr("stroke-width", 2.5)
    .attr("width", cellWidth - 1)
    .attr("height", ROW_HEIGHT - 1)
    .attr("visibility", "hidden")
    .attr("pointer-events", "none");

  const select = (run: T | null, notify: boolean) => {
    root.value = run;
    if (run) {
      const r = rows.findIndex((x) => x.detector === run.detector && x.version === run.detector_version);
      const c = datasets.indexOf(run.dataset);
      outline
        .attr("x", labelWidth + c * cellWidth + 0.5)
        .attr("y", r * ROW_HEIGHT + 0.5)
        .attr("visibility", "visible");
    } else outline.attr("visibility", "hidden");
    if (notify) root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  runCells.on("click", (_event, c) => select(c.run as T, true));
  runCells.on("keydown", (event: KeyboardEvent, c) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(c.run as T, true);
    }
  });
  if (options.selected) {
    const initial = runs.find((r) => r.id === options.selected);
    if (initial) select(initial, false);
  }

  root.append(legend(color, domain, label));
  return root;
}

/** A colour ramp with its ends, plus the two special cells explained. */
function legend(color: d3.ScaleSequential<string>, domain: [number, number], label: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "detector-matrix-legend";
  box.style.cssText = "display:flex;gap:1rem;align-items:center;flex-wrap:wrap;font-size:12px;margin-top:4px";
  const ramp = d3.create("svg").attr("width", 220).attr("height", 30);
  // Named after what it shows, so the markup is the same at every render (two equal ramps may share it).
  const id = `ramp-${label.replace(/[^A-Za-z0-9]+/g, "-")}-${domain.join("-")}`.replace(/\./g, "_");
  const gradient = ramp.append("defs").append("linearGradient").attr("id", id);
  for (let i = 0; i <= 10; i++)
    gradient
      .append("stop")
      .attr("offset", `${i * 10}%`)
      .attr("stop-color", color(domain[0] + ((domain[1] - domain[0]) * i) / 10));
  ramp.append("rect").attr("x", 10).attr("y", 2).attr("width", 200).attr("height", 12).attr("fill", `url(#${id})`);
  const scale = d3.scaleLinear().domain(domain).range([10, 210]);
  ramp
    .append("g")
    .attr("transform", "translate(0,14)")
    .call(d3.axisBottom(scale).ticks(5).tickSize(3))
    .call((g) => g.select(".domain").remove())
    .attr("font-size", 12);
  const title = document.createElement("span");
  title.textContent = label;
  const notes = document.createElement("span");
  notes.textContent = `“not run”: no run of that version on that dataset · “undefined”: metric has no meaning on the data (e.g. AUC without forged documents) · *: some prediction rows were rejected`;
  notes.style.opacity = "0.75";
  box.append(title, ramp.node()!, notes);
  return box;
}
