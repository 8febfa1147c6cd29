/**
 * Charts of the portfolio and the value report (Observable Plot). Each takes plain rows and a width and returns
 * an SVG figure at that width, with 12 px text; when printed, the page's CSS scales it to the A4 column.
 */
import * as Plot from "@observablehq/plot";
import {formatEurCompact} from "../../lib/format.js";

const stageColors = {
  domain: ["exploration", "modelling", "incubation", "industrialisation", "deployment", "run"],
  range: ["#c7d2fe", "#a5b4fc", "#818cf8", "#6366f1", "#4338ca", "#1e1b4b"]
};

/** Value vs effort: one dot per use case, estimated annual savings against effort, coloured by stage. */
export function valueEffortChart(
  cards: readonly {
    id: string;
    name: string;
    stage: string;
    effort_person_days: number;
    estimated_savings_eur: number;
  }[],
  {width = 640}: {width?: number} = {}
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    style: {fontSize: "12px"},
    width,
    height: 360,
    marginLeft: 70,
    marginTop: 30,
    grid: true,
    x: {label: "Effort (person-days) →", nice: true, zero: true},
    y: {label: "↑ Estimated savings per year", tickFormat: formatEurCompact, nice: true, zero: true},
    color: {...stageColors, legend: true, label: "Stage"},
    marks: [
      Plot.dot(cards, {
        x: "effort_person_days",
        y: "estimated_savings_eur",
        fill: "stage",
        r: 6,
        stroke: "white",
        tip: true,
        title: (d) =>
          `${d.name}\n${d.stage}\n${formatEurCompact(d.estimated_savings_eur)} per year, ${d.effort_person_days} person-days`
      }),
      Plot.text(cards, {x: "effort_person_days", y: "estimated_savings_eur", text: "id", dy: -10, fontSize: 12})
    ]
  });
}

/** Value per year: realised (solid) and estimated (outline) totals, stacked by use case for the realised bars. */
export function valueByYearChart(
  rows: readonly {name: string; year: number; estimated_eur: number | null; realised_eur: number | null}[],
  {width = 640}: {width?: number} = {}
): SVGSVGElement | HTMLElement {
  const realised = rows.filter((r) => r.realised_eur !== null && r.realised_eur > 0);
  const estimated = d3Rollup(rows);
  return Plot.plot({
    style: {fontSize: "12px"},
    width,
    height: 320,
    marginLeft: 70,
    x: {label: null, tickFormat: "d", type: "band"},
    y: {label: "↑ Value (€)", tickFormat: formatEurCompact, grid: true},
    color: {legend: false},
    marks: [
      Plot.barY(realised, {
        x: "year",
        y: "realised_eur",
        fill: "name",
        title: (d) => `${d.name}\n${d.year}: ${formatEurCompact(d.realised_eur)} realised`,
        insetLeft: 8,
        insetRight: 8
      }),
      Plot.barY(estimated, {
        x: "year",
        y: "estimated_eur",
        stroke: "currentColor",
        strokeDasharray: "4,3",
        fill: "none",
        insetLeft: 2,
        insetRight: 2
      }),
      Plot.text(estimated, {
        x: "year",
        y: "estimated_eur",
        text: (d) => `est. ${formatEurCompact(d.estimated_eur)}`,
        dy: -8,
        fontSize: 12
      }),
      Plot.ruleY([0])
    ]
  });
}

function d3Rollup(
  rows: readonly {year: number; estimated_eur: number | null}[]
): {year: number; estimated_eur: number}[] {
  const byYear = new Map<number, number>();
  for (const r of rows) byYear.set(r.year, (byYear.get(r.year) ?? 0) + (r.estimated_eur ?? 0));
  return [...byYear].map(([year, estimated_eur]) => ({year, estimated_eur})).sort((a, b) => a.year - b.year);
}

/** The pipeline: use cases per lifecycle stage, labelled with their estimated annual savings. */
export function pipelineChart(
  pipeline: readonly {stage: string; use_cases: number; estimated_savings_eur: number}[],
  {width = 640}: {width?: number} = {}
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    style: {fontSize: "12px"},
    width,
    height: 240,
    marginLeft: 110,
    marginRight: 120,
    x: {label: "Use cases →", grid: true, tickFormat: "d"},
    y: {label: null, domain: stageColors.domain},
    color: stageColors,
    marks: [
      Plot.barX(pipeline, {y: "stage", x: "use_cases", fill: "stage"}),
      Plot.text(pipeline, {
        y: "stage",
        x: "use_cases",
        text: (d) => `${d.use_cases} · ${formatEurCompact(d.estimated_savings_eur)}/yr`,
        dx: 6,
        textAnchor: "start"
      }),
      Plot.ruleX([0])
    ]
  });
}
