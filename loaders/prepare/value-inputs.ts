/**
 * The value report's measured inputs, prepared once per delivery (outputs.ts); the report itself is assembled by
 * its loader from them and the identity cards, which are not part of the delivery.
 */
import type {UseCaseCard} from "../catalog/use-cases.ts";
import {buildValueReport, type ValueInputs as ReportInputs, type ValueReport} from "../catalog/value/report.ts";

/** The report's inputs but the cards. */
export type ValueInputs = Omit<ReportInputs, "cards">;

export function valueReportFrom(inputs: ValueInputs, cards: readonly UseCaseCard[]): ValueReport {
  return buildValueReport({cards, ...inputs});
}
