/**
 * A scenario lives in the page's query string, so a copied address reproduces it exactly:
 *   ?k=1600&cost=300&saving=8000&model=v2&from=2021&to=2025
 * `k` is the capacity (number of expertises; the score threshold is derived from it), `saving` is a number or
 * `recorded` (the recorded saving of each abuse). Decoding never throws: each missing parameter takes its
 * default silently, each invalid one takes its default and is reported, so the page can show a notice.
 */

export interface Scenario {
  /** Capacity; null = the optimal capacity for the other inputs. */
  k: number | null;
  costPerExpertise: number;
  /** Saving per abuse (EUR), or null for the recorded savings. */
  savingPerAbuse: number | null;
  model: string;
  /** Period: years of the expertise order date, inclusive. */
  from: number;
  to: number;
}

export interface ScenarioContext {
  /** Model versions present in the data (non-empty). */
  models: readonly string[];
  /** Version used when the link names none. */
  defaultModel: string;
  /** Years covered by the data, inclusive. */
  years: readonly [number, number];
  costPerExpertise: number;
  savingPerAbuse: number | null;
}

export interface Decoded {
  scenario: Scenario;
  /** One sentence per parameter that was ignored, for the page's notice. */
  problems: string[];
}

const KNOWN = ["k", "cost", "saving", "model", "from", "to"] as const;
/** Money inputs above this are typos, not scenarios. */
const MAX_EUR = 10_000_000;

export function defaultScenario(ctx: ScenarioContext): Scenario {
  return {
    k: null,
    costPerExpertise: ctx.costPerExpertise,
    savingPerAbuse: ctx.savingPerAbuse,
    model: ctx.defaultModel,
    from: ctx.years[0],
    to: ctx.years[1]
  };
}

/** A plain decimal number (no hex, no exponent, no spaces): what a person or this page writes. */
function parseNumber(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function decodeScenario(search: string, ctx: ScenarioContext): Decoded {
  const params = new URLSearchParams(search);
  const scenario = defaultScenario(ctx);
  const problems: string[] = [];
  const single = (name: string): string | undefined => {
    const values = params.getAll(name);
    if (values.length > 1) problems.push(`"${name}" is given ${values.length} times; using the default.`);
    return values.length === 1 ? values[0] : undefined;
  };

  const k = single("k");
  if (k !== undefined) {
    const value = parseNumber(k);
    if (value === null || !Number.isInteger(value))
      problems.push(`capacity k="${k}" is not a whole number of expertises; using the optimal capacity.`);
    else scenario.k = value;
  }

  const cost = single("cost");
  if (cost !== undefined) {
    const value = parseNumber(cost);
    if (value === null || value <= 0 || value > MAX_EUR)
      problems.push(
        `cost="${cost}" is not a cost per expertise in euros (above 0, at most ${MAX_EUR}); using ${ctx.costPerExpertise}.`
      );
    else scenario.costPerExpertise = value;
  }

  const saving = single("saving");
  if (saving !== undefined) {
    const value = saving === "recorded" ? null : parseNumber(saving);
    if (saving !== "recorded" && (value === null || value <= 0 || value > MAX_EUR))
      problems.push(
        `saving="${saving}" is neither "recorded" nor a saving per abuse in euros (above 0, at most ${MAX_EUR}); using the default.`
      );
    else scenario.savingPerAbuse = value;
  }

  const model = single("model");
  if (model !== undefined) {
    if (ctx.models.includes(model)) scenario.model = model;
    else
      problems.push(
        `model="${model}" is not a model version in the data (${ctx.models.join(", ")}); using ${ctx.defaultModel}.`
      );
  }

  const [first, last] = ctx.years;
  const year = (name: "from" | "to") => {
    const text = single(name);
    if (text === undefined) return;
    const value = parseNumber(text);
    if (value === null || !Number.isInteger(value) || value < first || value > last)
      problems.push(
        `${name}="${text}" is not a year between ${first} and ${last}; using ${name === "from" ? first : last}.`
      );
    else scenario[name] = value;
  };
  year("from");
  year("to");
  if (scenario.from > scenario.to) {
    problems.push(`the period ${scenario.from}-${scenario.to} ends before it starts; using ${first}-${last}.`);
    scenario.from = first;
    scenario.to = last;
  }

  for (const name of new Set(params.keys())) {
    if (!(KNOWN as readonly string[]).includes(name)) problems.push(`unknown parameter "${name}" ignored.`);
  }
  return {scenario, problems};
}

/** The query string of a scenario, every input spelled out so the link survives a change of defaults. */
export function encodeScenario(scenario: Scenario, resolvedK: number): string {
  const params = new URLSearchParams();
  params.set("k", String(Math.max(0, Math.floor(resolvedK))));
  params.set("cost", String(scenario.costPerExpertise));
  params.set("saving", scenario.savingPerAbuse === null ? "recorded" : String(scenario.savingPerAbuse));
  params.set("model", scenario.model);
  params.set("from", String(scenario.from));
  params.set("to", String(scenario.to));
  return `?${params.toString()}`;
}
