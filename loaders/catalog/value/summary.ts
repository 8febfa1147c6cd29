/**
 * The value report's written summary: a few sentences generated from the figures, so the text never
 * disagrees with the tables. Money is written in whole euros (formatEur, "1,234,567 €"), as in the tables;
 * the early stages of the pipeline are those of src/lib/catalog/stages.ts, as on the page.
 */
import {earlyPipeline} from "../../../src/lib/catalog/stages.ts";
import {formatCount, formatEur} from "../../../src/lib/format.ts";
import {maskReason} from "../../../src/lib/secrecy.ts";
import type {ValueReport} from "./types.ts";

export function writeSummary(report: Omit<ValueReport, "summary">): string[] {
  const sentences: string[] = [];
  const n = report.use_cases.length;
  const ref = report.totals_by_year.find((t) => t.year === report.reference_year);
  if (ref) {
    const fromLoaders = ref.realised_from_loaders_eur
      ? `, of which ${formatEur(ref.realised_from_loaders_eur)} measured by Carnet's loaders`
      : "";
    sentences.push(
      `In ${ref.year}, the portfolio of ${n} use cases realised ${formatEur(ref.realised_eur)} against ${formatEur(ref.estimated_eur)} estimated${fromLoaders}.`
    );
  }
  const next = report.totals_by_year.filter((t) => report.reference_year !== null && t.year > report.reference_year);
  if (next.length) {
    const last = next[next.length - 1];
    sentences.push(
      `Expected value rises to ${formatEur(next[0].estimated_eur)} in ${next[0].year}${next.length > 1 ? ` and ${formatEur(last.estimated_eur)} in ${last.year}` : ""}.`
    );
  }
  const e = report.expertise;
  if (e) {
    const t = e.total;
    const years = e.per_year.map((p) => p.year).filter((y): y is number => y !== null);
    const span = years.length
      ? years[0] === years[years.length - 1]
        ? `${years[0]}`
        : `${years[0]}–${years[years.length - 1]}`
      : "the period";
    if (t.masked)
      sentences.push(`Expertise targeting: ${maskReason("decided expertised claims")} in ${span}, figures masked.`);
    else {
      sentences.push(
        `Expertise targeting: the ${formatCount(t.claims)} decided expertised claims of ${span} found ${formatCount(t.abuses)} abuses and netted ${formatEur(t.realised_net_eur)} after the cost of the expertises; ordering only the ${formatCount(t.optimum_k)} best-scored claims (model ${e.model_version}) would have netted ${formatEur(t.optimum_net_eur)}.`
      );
    }
  }
  const d = report.drift;
  for (const by of d?.by ?? []) {
    if (by.masked)
      sentences.push(
        `Claims drift by ${by.dimension}: ${by.alerts} alerts, describing ${maskReason("insured")}, figures masked.`
      );
    else if (by.alerts === 0)
      sentences.push(
        `Claims drift by ${by.dimension}: no ${by.guarantee} drift alert over ${d!.window.from} to ${d!.window.to}.`
      );
    else {
      sentences.push(
        `Claims drift by ${by.dimension}: ${by.alerts} ${by.guarantee} alert${by.alerts > 1 ? "s" : ""} with ${formatEur(by.excess_cost_eur)} of excess claims cost since onset (${formatCount(by.excess_claims)} claims above expected, first onset ${by.first_onset}).`
      );
    }
  }
  const early = earlyPipeline(report.pipeline);
  const later = report.pipeline.reduce((a, s) => a + s.use_cases, 0) - early.useCases;
  sentences.push(
    `Pipeline: ${early.useCases} use cases in ${early.stages.map((s) => `${s.stage} (${s.use_cases})`).join(", ")} carry ${formatEur(early.estimatedSavingsEur)} of estimated annual savings; ${later} are in industrialisation, deployment or run.`
  );
  if (report.sample_figures)
    sentences.push(
      "The identity cards' value figures are sample figures until the business confirms them; figures from Carnet's loaders are computed on the extract of " +
        (report.snapshot_date || "this build") +
        "."
    );
  return sentences;
}
