/**
 * A use case's identity card: name, department, stage, description, financial impact, resources, strategic
 * value, value figures per year, and links to the analyses that serve it.
 */
import type {UseCaseCard} from "../../lib/catalog/use-case.js";
import {formatEur} from "../../lib/format.js";
import {statusBadge} from "./catalog-list.js";
import {el} from "./dom.js";

/** A use-case card as the page loader writes it: the card's facts (types only, erased at build) and its analyses. */
export interface CardData extends Omit<UseCaseCard, "measured" | "stage"> {
  stage: string;
  analyses: {title: string; href: string; status: string}[];
}

export function useCaseCard(card: CardData, options: {base?: string} = {}): HTMLElement {
  const base = options.base ?? "./";
  const root = el("article", {
    class: "card carnet-usecase",
    id: card.id,
    "data-stage": card.stage,
    "data-department": card.department
  });
  root.append(
    el("h2", {}, card.name),
    el("p", {class: "carnet-usecase-sub"}, `${card.department} · stage: ${card.stage}`)
  );
  root.append(el("p", {}, card.description));
  const facts = el("dl", {class: "carnet-usecase-facts"});
  const fact = (term: string, value: string) => facts.append(el("dt", {}, term), el("dd", {}, value));
  fact("Cost line", card.financial_impact.cost_line);
  if (card.financial_impact.segment_premiums_eur !== null)
    fact("Premiums of the segment", formatEur(card.financial_impact.segment_premiums_eur));
  fact("Estimated savings per year", formatEur(card.financial_impact.estimated_savings_eur));
  fact("Sponsor", card.resources.sponsor);
  fact(
    "Product owner",
    `${card.resources.product_owner} (${Math.round(card.resources.product_owner_share * 100)}% of their time)`
  );
  fact("Core team", card.resources.team.join(", "));
  fact("Strategic value", card.strategic_value);
  fact("Effort", `${card.effort_person_days} person-days`);
  root.append(facts);
  const years = el("table", {class: "carnet-usecase-years"});
  years.append(
    el("thead", {}, el("tr", {}, el("th", {}, "Year"), el("th", {}, "Estimated"), el("th", {}, "Realised")))
  );
  const body = el("tbody");
  for (const y of card.value.per_year)
    body.append(
      el(
        "tr",
        {},
        el("td", {}, String(y.year)),
        el("td", {}, formatEur(y.estimated_eur)),
        el("td", {}, formatEur(y.realised_eur))
      )
    );
  years.append(body);
  root.append(years);
  if (card.value.sample)
    root.append(el("p", {class: "carnet-sample"}, "Sample figures, to be confirmed by the business."));
  const analyses = el("div", {class: "carnet-usecase-analyses"}, el("h3", {}, "Analyses"));
  if (card.analyses.length) {
    analyses.append(
      el(
        "ul",
        {},
        ...card.analyses.map((a) =>
          el("li", {}, el("a", {href: `${base}${a.href}`}, a.title), " ", statusBadge(a.status))
        )
      )
    );
  } else analyses.append(el("p", {class: "carnet-muted"}, "No analysis published yet."));
  root.append(analyses);
  return root;
}
