/** The value report's shape (report.ts builds it, summary.ts writes its text, the page reads it). */
import type {Stage} from "../use-cases.ts";
import type {DriftFigures} from "./drift.ts";
import type {ExpertiseFigures} from "./expertise.ts";

export interface ValueRow {
  use_case: string;
  name: string;
  stage: Stage;
  year: number;
  estimated_eur: number | null;
  realised_eur: number | null;
  /** Where the realised figure comes from: the card (sample or business figure) or a Carnet loader. */
  realised_source: "card" | "loader" | null;
}

export interface UseCaseValue {
  id: string;
  name: string;
  department: string;
  stage: Stage;
  effort_person_days: number;
  estimated_savings_eur: number;
  estimated_total_eur: number;
  realised_total_eur: number;
  sample: boolean;
  /** A figure measured by Carnet's loaders for this use case, with what it means. */
  measured: {label: string; value_eur: number | null} | null;
}

export interface StageCount {
  stage: Stage;
  use_cases: number;
  ids: string[];
  /** Sum of the estimated annual savings of the stage's use cases (identity cards). */
  estimated_savings_eur: number;
}

export interface ValueReport {
  snapshot_date: string;
  /** The last year with realised figures (at most the snapshot's year). */
  reference_year: number | null;
  sample_figures: boolean;
  rows: ValueRow[];
  totals_by_year: {year: number; estimated_eur: number; realised_eur: number; realised_from_loaders_eur: number}[];
  use_cases: UseCaseValue[];
  pipeline: StageCount[];
  expertise: ExpertiseFigures | null;
  drift: DriftFigures | null;
  summary: string[];
}
