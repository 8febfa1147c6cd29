/**
 * "Since the previous delivery": what a reader of the home page sees first after a monthly refresh. The alerts that
 * are new, still open or closed, the segments whose A/E moved most, the expertise-targeting optimum of each model
 * version before and now, detector cells that changed and files whose rejected rows grew, from the changes the
 * build computed (src/data/changes.json, loaders/run/compare.ts).
 */
import type {RoiMove} from "../../lib/roi/optimum-move.js";
import {el} from "../catalog/dom.js";
import {simpleTable} from "../catalog/simple-table.js";

export interface ChangedAlert {
  id: string;
  dimension: string;
  segment: string;
  onset: string;
  ae: number | null;
  excess_cost_eur: number | null;
  masked: boolean;
  status: "new" | "continuing" | "closed";
}

export interface DeliveryChanges {
  previous: string | null;
  alerts: {new: number; continuing: number; closed: number};
  feed: ChangedAlert[];
  moved: {dimension: string; segment: string; previous_ae: number; ae: number; change: number}[];
  roi: RoiMove[];
  detectors: {
    detector: string;
    detector_version: string;
    dataset: string;
    change: string;
    metrics: Record<string, [unknown, unknown]>;
  }[];
  rejects: {file: string; rows_rejected: number; previous_rejected: number}[];
}

const ratio = (x: number | null) => (x === null ? "masked" : x.toFixed(2));
const euros = (x: number | null) => (x === null ? "masked" : `${Math.round(x).toLocaleString("en-US")} €`);
/** "before → now", a figure absent before (a new version) or masked shown as "—". */
const beforeNow = (before: number | null, now: number | null, format: (x: number) => string = String) =>
  `${before === null ? "—" : format(before)} → ${now === null ? "—" : format(now)}`;
const metric = (x: unknown) => (typeof x === "number" ? x.toFixed(4) : x === null ? "—" : String(x));

function card(title: string, value: number, note: string, className: string): HTMLElement {
  return el(
    "div",
    {class: `card ${className}`},
    el("h2", {}, title),
    el("span", {class: "big"}, String(value)),
    el("br"),
    el("small", {}, note)
  );
}

function alertRows(alerts: readonly ChangedAlert[]) {
  return alerts.map((a) => ({
    dimension: a.dimension,
    segment: a.segment,
    onset: a.onset,
    ae: a.masked ? "masked" : ratio(a.ae),
    cost: a.masked ? "masked" : euros(a.excess_cost_eur)
  }));
}

const alertHeader = {
  dimension: "Dimension",
  segment: "Segment",
  onset: "Onset",
  ae: "A/E since onset",
  cost: "Excess cost"
};

export function sincePrevious(
  changes: DeliveryChanges,
  options: {driftHref?: string; roiHref?: string} = {}
): HTMLElement {
  const root = el("section", {class: "carnet-since-previous"});
  if (!changes.previous) {
    root.append(
      el(
        "p",
        {class: "carnet-no-previous"},
        `This is the first delivery: there is no previous one to compare with. Its ${changes.alerts.new} drift alert(s) are all new.`
      )
    );
  } else {
    root.append(el("p", {}, `Compared with the delivery of ${changes.previous}.`));
  }
  root.append(
    el(
      "div",
      {class: "grid grid-cols-3"},
      card("New alerts", changes.alerts.new, "raised by this delivery", "carnet-new"),
      card("Continuing", changes.alerts.continuing, "already raised before", "carnet-continuing"),
      card("Closed", changes.alerts.closed, "no longer raised", "carnet-closed")
    )
  );
  const byStatus = (status: ChangedAlert["status"]) => changes.feed.filter((a) => a.status === status);
  const section = (title: string, body: Node) => root.append(el("h3", {}, title), body);
  if (byStatus("new").length)
    section("New alerts", simpleTable(alertRows(byStatus("new")), alertHeader, {numeric: ["ae", "cost"]}));
  if (byStatus("closed").length)
    section("Closed alerts", simpleTable(alertRows(byStatus("closed")), alertHeader, {numeric: ["ae", "cost"]}));
  if (changes.moved.length)
    section(
      "Segments whose A/E over the window moved most",
      simpleTable(
        changes.moved.map((m) => ({
          dimension: m.dimension,
          segment: m.segment,
          previous: ratio(m.previous_ae),
          now: ratio(m.ae),
          change: `${m.change >= 0 ? "+" : ""}${m.change.toFixed(2)}`
        })),
        {dimension: "Dimension", segment: "Segment", previous: "A/E before", now: "A/E now", change: "Change"},
        {numeric: ["previous", "now", "change"]}
      )
    );
  if (changes.previous && changes.roi.length) {
    section(
      "Expertise targeting: the optimum at the default cost and saving",
      simpleTable(
        changes.roi.map((r) => ({
          model: r.model_version,
          claims: beforeNow(r.previous_claims, r.claims),
          k: beforeNow(r.previous_optimum_k, r.optimum_k),
          net: beforeNow(r.previous_optimum_net_eur, r.optimum_net_eur, euros)
        })),
        {model: "Model", claims: "Decided claims", k: "Expertises at the optimum", net: "Net savings at the optimum"},
        {numeric: ["claims", "k", "net"], className: "carnet-roi-moves"}
      )
    );
    if (options.roiHref) root.append(el("p", {}, el("a", {href: options.roiHref}, "Explore the scenarios →")));
  }
  if (changes.previous)
    section(
      "Detector cells",
      changes.detectors.length
        ? simpleTable(
            changes.detectors.map((d) => ({
              cell: `${d.detector} ${d.detector_version} × ${d.dataset}`,
              change: d.change,
              metrics: Object.entries(d.metrics)
                .map(([name, [before, now]]) => `${name} ${metric(before)} → ${metric(now)}`)
                .join("; ")
            })),
            {cell: "Detector × dataset", change: "Change", metrics: "Metrics"}
          )
        : el("p", {}, "No detector cell changed.")
    );
  if (changes.previous)
    section(
      "Rejected rows",
      changes.rejects.length
        ? simpleTable(
            changes.rejects.map((r) => ({file: r.file, before: r.previous_rejected, now: r.rows_rejected})),
            {file: "File", before: "Rejected before", now: "Rejected now"},
            {numeric: ["before", "now"]}
          )
        : el("p", {}, "No file has more rejected rows than in the previous delivery.")
    );
  if (options.driftHref)
    root.append(el("p", {}, el("a", {href: options.driftHref}, "Every alert on the claims-drift page →")));
  return root;
}
