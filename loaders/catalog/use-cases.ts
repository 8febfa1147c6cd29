/**
 * Use-case identity cards ("fiches d'identité", ../shared/domain.md): one YAML file per use case in
 * data/use-cases/<id>.yaml, checked against this schema. The value figures on the cards are sample figures until
 * the business replaces them; figures measured by Carnet's own loaders are added by the value report.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join, relative} from "node:path";
import {parse} from "yaml";
import {measures, stages, type Stage, type UseCaseCard, type YearValue} from "../../src/lib/catalog/use-case.ts";
import {CarnetError} from "../errors.ts";
import {collect, FieldChecker, isRecord, type Problem} from "./fields.ts";
import {projectRoot} from "./root.ts";

export {measures, stages};
export type {Stage, UseCaseCard};

export interface CardProblem extends Problem {
  file: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function defaultUseCasesDir(): string {
  return join(projectRoot(), "data", "use-cases");
}

/** Checks one parsed card; `id` is the file's name without extension, which the card's id must repeat. */
export function checkCard(data: unknown, id: string): {card?: UseCaseCard; problems: Problem[]} {
  if (!isRecord(data))
    return {problems: [{field: "(card)", message: "expected a YAML mapping of the identity card's fields"}]};
  const c = new FieldChecker(data);
  const cardId = c.text("id");
  if (cardId && cardId !== id) c.problem("id", `expected "${id}" (the file's name), got "${cardId}"`);
  if (cardId && !ID.test(cardId)) c.problem("id", `expected lowercase words joined by "-", got "${cardId}"`);
  const name = c.text("name");
  const department = c.text("department");
  const description = c.text("description");
  const fi = c.object("financial_impact");
  const financial_impact = {
    cost_line: fi.text("cost_line"),
    segment_premiums_eur: fi.has("segment_premiums_eur") ? fi.number("segment_premiums_eur", 0) : null,
    estimated_savings_eur: fi.number("estimated_savings_eur", 0)
  };
  const r = c.object("resources");
  const resources = {
    sponsor: r.text("sponsor"),
    product_owner: r.text("product_owner"),
    product_owner_share: r.number("product_owner_share", 0, 1),
    team: r.list("team")
  };
  const strategic_value = c.text("strategic_value");
  const stage = c.oneOf("stage", stages);
  const effort_person_days = c.number("effort_person_days", 0);
  const v = c.object("value");
  const sample = v.boolean("sample");
  const perYear = checkPerYear(data.value, v);
  const measured = c.has("measured") ? c.oneOf("measured", measures) : null;
  const problems = collect(c, fi, r, v);
  if (problems.length) return {problems};
  return {
    card: {
      id: cardId,
      name,
      department,
      description,
      financial_impact,
      resources,
      strategic_value,
      stage,
      effort_person_days,
      value: {sample, per_year: perYear},
      measured
    },
    problems
  };
}

function checkPerYear(value: unknown, v: FieldChecker): YearValue[] {
  const list = isRecord(value) ? value.per_year : undefined;
  if (!Array.isArray(list)) {
    v.problem("per_year", "expected a list of {year, estimated_eur, realised_eur}");
    return [];
  }
  const years: YearValue[] = [];
  list.forEach((item, i) => {
    if (!isRecord(item)) return v.problem(`per_year[${i}]`, "expected {year, estimated_eur, realised_eur}");
    const y = new FieldChecker(item, `value.per_year[${i}]`);
    const year = y.number("year", 2000, 2100);
    if (!Number.isInteger(year)) y.problem("year", `expected a whole year, got ${year}`);
    const estimated_eur = y.number("estimated_eur", 0);
    const realised_eur = y.has("realised_eur") ? y.number("realised_eur", 0) : null;
    if (years.some((other) => other.year === year)) y.problem("year", `${year} appears twice`);
    v.problems.push(...y.problems);
    years.push({year, estimated_eur, realised_eur});
  });
  return years.sort((a, b) => a.year - b.year);
}

/** Reads and checks every card; a bad card is a user mistake reported with its file and field. */
export function readUseCases(dir = defaultUseCasesDir()): UseCaseCard[] {
  const {cards, problems} = inspectUseCases(dir);
  if (problems.length) {
    const p = problems[0];
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    throw new CarnetError(`${p.file}: ${p.field}: ${p.message}${more}`);
  }
  return cards;
}

/** Every card and every problem, without throwing (for tests and the catalog check). */
export function inspectUseCases(dir = defaultUseCasesDir()): {cards: UseCaseCard[]; problems: CardProblem[]} {
  if (!existsSync(dir)) throw new CarnetError(`${dir}: use-case folder not found`);
  const cards: UseCaseCard[] = [];
  const problems: CardProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    const file = relative(projectRoot(), path) || path;
    let data: unknown;
    try {
      data = parse(readFileSync(path, "utf8"));
    } catch (error) {
      problems.push({file, field: "(yaml)", message: firstLine((error as Error).message)});
      continue;
    }
    const {card, problems: found} = checkCard(data, basename(name).replace(/\.ya?ml$/, ""));
    if (card) cards.push(card);
    problems.push(...found.map((p) => ({file, ...p})));
  }
  return {
    cards: cards.sort((a, b) => stages.indexOf(b.stage) - stages.indexOf(a.stage) || a.name.localeCompare(b.name)),
    problems
  };
}

export function useCaseIds(dir = defaultUseCasesDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ""))
    .sort();
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}
