/** A use-case identity card as loaders/catalog/use-cases.ts checks it and the pages show it. */

/** Lifecycle stages, in order (exploration to run). */
export const stages = ["exploration", "modelling", "incubation", "industrialisation", "deployment", "run"] as const;
export type Stage = (typeof stages)[number];

/** Which loader figure a use case's realised value comes from, when Carnet measures it. */
export const measures = ["expertise-net-savings", "drift-excess-cost"] as const;
export type Measure = (typeof measures)[number];

export interface YearValue {
  year: number;
  /** Value expected for the year (EUR). */
  estimated_eur: number;
  /** Value realised in the year (EUR); null for a year not yet closed. */
  realised_eur: number | null;
}

export interface UseCaseCard {
  id: string;
  name: string;
  department: string;
  description: string;
  financial_impact: {cost_line: string; segment_premiums_eur: number | null; estimated_savings_eur: number};
  resources: {sponsor: string; product_owner: string; product_owner_share: number; team: string[]};
  strategic_value: string;
  stage: Stage;
  /** Effort spent and planned, in person-days, for the value vs effort chart. */
  effort_person_days: number;
  value: {sample: boolean; per_year: YearValue[]};
  measured: Measure | null;
}
