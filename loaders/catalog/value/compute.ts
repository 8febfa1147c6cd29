/** The value report from an opened extract folder and the identity cards: what the page's loader and `carnet report` run. */
import type {Extracts} from "../../extracts/open.ts";
import type {UseCaseCard} from "../use-cases.ts";
import {driftFigures} from "./drift.ts";
import {expertiseFigures} from "./expertise.ts";
import {buildValueReport, type ValueReport} from "./report.ts";

export async function computeValueReport(
  extracts: Pick<Extracts, "engine" | "dir" | "snapshotDate">,
  cards: readonly UseCaseCard[]
): Promise<ValueReport> {
  const expertise = await expertiseFigures(extracts.engine);
  const drift = await driftFigures(extracts.engine, {
    snapshotDate: extracts.snapshotDate || undefined,
    extractsDir: extracts.dir
  });
  return buildValueReport({cards, snapshotDate: extracts.snapshotDate, expertise, drift});
}
