/** The portfolio behind /use-cases: identity cards with the analyses that serve each use case. */
import {readCatalog, type CatalogOptions} from "./catalog.ts";
import {readUseCases, stages, type UseCaseCard} from "./use-cases.ts";

export interface PortfolioCard extends UseCaseCard {
  analyses: {title: string; href: string; status: string; updated: string}[];
}

export function readPortfolio(options: CatalogOptions = {}): {stages: readonly string[]; cards: PortfolioCard[]} {
  const cards = readUseCases(options.useCasesDir);
  const {entries} = readCatalog(options);
  return {
    stages,
    cards: cards.map((card) => ({
      ...card,
      analyses: entries
        .filter((e) => e.use_case === card.id)
        .map(({title, href, status, updated}) => ({title, href, status, updated}))
    }))
  };
}
