/**
 * The leadership value report: value estimated and realised per use case and year (identity cards, with the
 * realised figures Carnet measures replaced by its loaders' figures), the pipeline by lifecycle stage, and a
 * short written summary generated from those figures. Pure: the measured figures come in already computed.
 */
import {stages, type UseCaseCard} from "../use-cases.ts";
import type {DriftFigures} from "./drift.ts";
import type {ExpertiseFigures} from "./expertise.ts";
import {writeSummary} from "./summary.ts";
import type {StageCount, UseCaseValue, ValueReport, ValueRow} from "./types.ts";

export type {ValueReport};

export interface ValueInputs {
  cards: readonly UseCaseCard[];
  snapshotDate: string;
  expertise: ExpertiseFigures | null;
  drift: DriftFigures | null;
}

export function buildValueReport(input: ValueInputs): ValueReport {
  const snapshotYear = input.snapshotDate ? Number(input.snapshotDate.slice(0, 4)) : Infinity;
  const rows: ValueRow[] = [];
  for (const card of input.cards) {
    const byYear = new Map<number, ValueRow>();
    for (const y of card.value.per_year) {
      byYear.set(y.year, {
        use_case: card.id,
        name: card.name,
        stage: card.stage,
        year: y.year,
        estimated_eur: y.estimated_eur,
        realised_eur: y.realised_eur,
        realised_source: y.realised_eur === null ? null : "card"
      });
    }
    if (card.measured === "expertise-net-savings" && input.expertise) {
      for (const period of input.expertise.per_year) {
        if (period.year === null || period.year > snapshotYear) continue;
        const row = byYear.get(period.year) ?? {
          use_case: card.id,
          name: card.name,
          stage: card.stage,
          year: period.year,
          estimated_eur: null,
          realised_eur: null,
          realised_source: null
        };
        row.realised_eur = period.realised_net_eur;
        row.realised_source = period.realised_net_eur === null ? null : "loader";
        byYear.set(period.year, row);
      }
    }
    rows.push(...[...byYear.values()].sort((a, b) => a.year - b.year));
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const totals_by_year = years.map((year) => {
    const ofYear = rows.filter((r) => r.year === year);
    return {
      year,
      estimated_eur: sum(ofYear.map((r) => r.estimated_eur)),
      realised_eur: sum(ofYear.map((r) => r.realised_eur)),
      realised_from_loaders_eur: sum(ofYear.filter((r) => r.realised_source === "loader").map((r) => r.realised_eur))
    };
  });
  const realisedYears = rows.filter((r) => r.realised_eur !== null && r.year <= snapshotYear).map((r) => r.year);
  const reference_year = realisedYears.length ? Math.max(...realisedYears) : null;
  const use_cases = input.cards.map((card): UseCaseValue => {
    const own = rows.filter((r) => r.use_case === card.id);
    return {
      id: card.id,
      name: card.name,
      department: card.department,
      stage: card.stage,
      effort_person_days: card.effort_person_days,
      estimated_savings_eur: card.financial_impact.estimated_savings_eur,
      estimated_total_eur: sum(own.map((r) => r.estimated_eur)),
      realised_total_eur: sum(own.map((r) => r.realised_eur)),
      sample: card.value.sample,
      measured: measuredFigure(card, input)
    };
  });
  const pipeline = stages.map((stage): StageCount => {
    const inStage = input.cards.filter((c) => c.stage === stage);
    return {
      stage,
      use_cases: inStage.length,
      ids: inStage.map((c) => c.id),
      estimated_savings_eur: sum(inStage.map((c) => c.financial_impact.estimated_savings_eur))
    };
  });
  const report: ValueReport = {
    snapshot_date: input.snapshotDate,
    reference_year,
    sample_figures: input.cards.some((c) => c.value.sample),
    rows,
    totals_by_year,
    use_cases,
    pipeline,
    expertise: input.expertise,
    drift: input.drift,
    summary: []
  };
  report.summary = writeSummary(report);
  return report;
}

function measuredFigure(card: UseCaseCard, input: ValueInputs): UseCaseValue["measured"] {
  if (card.measured === "expertise-net-savings" && input.expertise) {
    return {
      label: "Net savings of decided expertises, whole period (ROI backtest)",
      value_eur: input.expertise.total.realised_net_eur
    };
  }
  if (card.measured === "drift-excess-cost" && input.drift) {
    const contracts = input.drift.by.find((d) => d.dimension === "contract") ?? input.drift.by[0];
    return contracts
      ? {
          label: `Excess claims cost of drifting ${contracts.dimension}s since onset (drift alerts)`,
          value_eur: contracts.excess_cost_eur
        }
      : null;
  }
  return null;
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, v) => total + (v ?? 0), 0);
}
