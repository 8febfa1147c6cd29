/**
 * The value report's measured inputs, prepared once per delivery (outputs.ts); the report itself is assembled by
 * its loader from them and the identity cards, which are not part of the delivery.
 */
import type {UseCaseCard} from "../catalog/use-cases.ts";
import type {DriftFigures} from "../catalog/value/drift.ts";
import type {ExpertiseFigures} from "../catalog/value/expertise.ts";
import {buildValueReport, type ValueReport} from "../catalog/value/report.ts";

export interface ValueInputs {
  snapshotDate: string;
  expertise: ExpertiseFigures | null;
  drift: DriftFigures | null;
}

export function valueReportFrom(inputs: ValueInputs, cards: readonly UseCaseCard[]): ValueReport {
  return buildValueReport({cards, ...inputs});
}
