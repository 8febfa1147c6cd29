/**
 * The expertise-targeting scenario explorer: inputs, KPI cards, gain / lift / net-savings curves and the decile
 * table, kept in step with the page address (query string) so a copied link reproduces the scenario.
 *
 * A thin renderer: the figures come from src/lib/roi (explorer-model for the backtest, explorer-charts for what
 * the curves show, explorer-text for the summary line), tested without a DOM. Work is tiered:
 * model or period -> prepare (rank, cumulative arrays, bootstrap); cost or saving -> curves and optimum;
 * capacity or threshold -> lookups, text and two marker attributes (well inside one animation frame).
 */
import {capacityForThreshold, startingCapacity} from "../../lib/roi/capacity.js";
import {curvePoint} from "../../lib/roi/curves.js";
import {BUSINESS_SAVING_EUR} from "../../lib/roi/economics.js";
import {explorerCurves, type CurveSpec} from "../../lib/roi/explorer-charts.js";
import {
  economicsState,
  prepare,
  randomClaimsCovered,
  selectClaims,
  viewAt,
  type ClaimColumns,
  type EconomicsState,
  type Prepared
} from "../../lib/roi/explorer-model.js";
import {backtestSummary, type Coverage} from "../../lib/roi/explorer-text.js";
import {decodeScenario, encodeScenario} from "../../lib/roi/scenario.js";
import {publishable} from "../../lib/secrecy.js";
import {curveChart, type CurveChart} from "./curve-chart.js";
import {decileTable} from "./decile-table.js";
import {kpiCards} from "./kpi-cards.js";
import {scenarioForm} from "./scenario-form.js";

/** The page context (src/data/roi-context.json), as far as the explorer reads it. */
export interface RoiContext {
  models: {model_version: string}[];
  default_model: string | null;
  years: [number, number] | null;
  defaults: {cost_per_expertise: number; saving_per_abuse: number | null};
  coverage: Coverage[];
}

export interface RoiExplorerOptions {
  /** The address's query string at load (location.search). */
  search: string;
  /** Called (debounced) with the new query string when the scenario changes (history.replaceState). */
  replaceSearch?: (search: string) => void;
  /** The full link of a query string, for "copy link" (default: the search itself). */
  linkFor?: (search: string) => string;
  /** Where "copy link" writes (navigator.clipboard). */
  clipboard?: {writeText(text: string): Promise<void>};
  /** Called with the scenario's model version at start and whenever the reader picks another (the page's warning). */
  onModelChange?: (model: string) => void;
  width?: number;
}

export interface RoiExplorer extends HTMLElement {
  /** The current scenario's query string (for tests and the bench). */
  currentSearch(): string;
  /** Sets the capacity as the slider would (for the bench). */
  setCapacity(k: number): void;
}

export function roiExplorer(
  data: {claims: ClaimColumns; context: RoiContext},
  options: RoiExplorerOptions
): RoiExplorer {
  const context = data.context;
  const root = document.createElement("div") as unknown as RoiExplorer;
  root.className = "roi-explorer";
  const models = context.models.map((m) => m.model_version);
  if (!models.length || !context.years || !context.default_model) {
    root.append(
      Object.assign(document.createElement("p"), {
        className: "note",
        textContent: "No scored claims in this extract: there is no backtest to explore."
      })
    );
    root.currentSearch = () => "";
    root.setCapacity = () => {};
    return root;
  }
  const years = context.years;
  const {scenario, problems} = decodeScenario(options.search, {
    models,
    defaultModel: context.default_model,
    years,
    costPerExpertise: context.defaults.cost_per_expertise,
    savingPerAbuse: context.defaults.saving_per_abuse
  });
  // Two curves side by side when there is room for two of at least 480 px, else one per row.
  const width = options.width ?? 640;
  const chartWidth = width >= 2 * 480 + 16 ? Math.floor((width - 16) / 2) : width;

  const form = scenarioForm({models, years});
  const summary = document.createElement("p");
  summary.className = "roi-summary";
  const kpis = kpiCards();
  const charts = document.createElement("div");
  charts.className = "roi-charts";
  const deciles = document.createElement("div");
  deciles.className = "roi-deciles-container";
  root.append(form, summary, kpis, charts, deciles);

  let prepared!: Prepared;
  let state!: EconomicsState;
  let k = 0;
  let gain: CurveChart;
  let lift: CurveChart;
  let net: CurveChart;
  let randomClaimsBefore: Int32Array; // random-arm claims in the bands up to and including each rank's band

  const economics = () => ({costPerExpertise: scenario.costPerExpertise, savingPerAbuse: scenario.savingPerAbuse});

  function loadClaims(): void {
    prepared = prepare(selectClaims(data.claims, scenario.model, scenario.from, scenario.to));
    randomClaimsBefore = randomClaimsCovered(prepared);
    form.capacityRange.max = String(prepared.bt.n);
    form.capacityNumber.max = String(prepared.bt.n);
    summary.textContent = backtestSummary(prepared, scenario, context.coverage);
    const heading = document.createElement("h3");
    heading.textContent = "Backtest by score decile: naive precision beside the random arm's (unbiased) precision";
    deciles.replaceChildren(heading, decileTable(prepared.bands));
  }

  const chart = (spec: CurveSpec) => curveChart(spec.points, {...spec, width: chartWidth});

  function loadEconomics(): void {
    state = economicsState(prepared, economics());
    const specs = explorerCurves(prepared, state);
    gain = chart(specs.gain);
    lift = chart(specs.lift);
    net = chart(specs.net);
    charts.replaceChildren(gain, lift, net);
  }

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleUrl(): void {
    if (!options.replaceSearch) return;
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => options.replaceSearch!(root.currentSearch()), 200);
  }

  function showCapacity(): void {
    const view = viewAt(prepared, state, k);
    const kk = view.point.k;
    form.capacityRange.value = String(kk);
    form.capacityNumber.value = String(kk);
    if (document.activeElement !== form.threshold)
      form.threshold.value = view.threshold === null ? "" : view.threshold.toFixed(4);
    kpis.update(view, {
      n: prepared.bt.n,
      state,
      ruleClaims: prepared.rule.claims,
      randomClaimsCovered: randomClaimsBefore[kk]
    });
    const small = !publishable(prepared.bt.n) || !publishable(kk);
    const p = curvePoint(prepared.bt, kk, state.eco);
    gain.setPoint(kk, small ? null : p.recall);
    lift.setPoint(kk, small ? null : p.lift);
    net.setPoint(kk, small ? null : p.net_eur);
    scheduleUrl();
  }

  root.currentSearch = () => encodeScenario(scenario, k);
  root.setCapacity = (value: number) => {
    k = Math.max(0, Math.min(prepared.bt.n, Math.floor(value)));
    scenario.k = k;
    showCapacity();
  };

  // Initial state, from the link.
  form.cost.value = String(scenario.costPerExpertise);
  form.savingMode.value = scenario.savingPerAbuse === null ? "recorded" : "fixed";
  form.saving.value = String(scenario.savingPerAbuse ?? BUSINESS_SAVING_EUR);
  form.saving.disabled = scenario.savingPerAbuse === null;
  form.model.value = scenario.model;
  form.from.value = String(scenario.from);
  form.to.value = String(scenario.to);
  loadClaims();
  loadEconomics();
  const start = startingCapacity(scenario.k, prepared.bt.n, state.optimum.k);
  const notices = start.notice ? [...problems, start.notice] : [...problems];
  k = start.k;
  scenario.k = k;
  form.showNotice(notices);
  showCapacity();
  options.onModelChange?.(scenario.model);

  // Events.
  const onCapacity = (input: HTMLInputElement) => () => {
    const value = Number(input.value);
    if (input.value !== "" && Number.isFinite(value)) root.setCapacity(value);
  };
  form.capacityRange.addEventListener("input", onCapacity(form.capacityRange));
  form.capacityNumber.addEventListener("input", onCapacity(form.capacityNumber));
  form.threshold.addEventListener("input", () => {
    const value = Number(form.threshold.value);
    if (form.threshold.value !== "" && Number.isFinite(value))
      root.setCapacity(capacityForThreshold(prepared.bt, value));
  });
  form.threshold.addEventListener("change", () => showCapacity());
  form.optimum.addEventListener("click", () => root.setCapacity(state.optimum.k));
  const onEconomics = () => {
    const cost = Number(form.cost.value);
    const saving = Number(form.saving.value);
    const fixed = form.savingMode.value === "fixed";
    form.saving.disabled = !fixed;
    if (!(cost > 0) || (fixed && !(saving > 0))) return; // wait for a valid amount
    scenario.costPerExpertise = cost;
    scenario.savingPerAbuse = fixed ? saving : null;
    loadEconomics();
    showCapacity();
  };
  form.cost.addEventListener("input", onEconomics);
  form.saving.addEventListener("input", onEconomics);
  form.savingMode.addEventListener("change", onEconomics);
  const onClaims = () => {
    const from = Number(form.from.value);
    const to = Number(form.to.value);
    if (from > to) {
      // Keep the period valid: move the other end.
      if (document.activeElement === form.to) form.from.value = String(to);
      else form.to.value = String(from);
    }
    const modelChanged = scenario.model !== form.model.value;
    scenario.model = form.model.value;
    scenario.from = Number(form.from.value);
    scenario.to = Number(form.to.value);
    loadClaims();
    loadEconomics();
    k = Math.min(k, prepared.bt.n);
    scenario.k = k;
    showCapacity();
    if (modelChanged) options.onModelChange?.(scenario.model);
  };
  form.model.addEventListener("change", onClaims);
  form.from.addEventListener("change", onClaims);
  form.to.addEventListener("change", onClaims);
  form.copy.addEventListener("click", async () => {
    const search = root.currentSearch();
    options.replaceSearch?.(search);
    const link = options.linkFor ? options.linkFor(search) : search;
    try {
      if (!options.clipboard) throw new Error("no clipboard");
      await options.clipboard.writeText(link);
      form.copyStatus.textContent = "Link copied.";
    } catch {
      form.copyStatus.textContent = `Copy this link: ${link}`;
    }
    form.copyStatus.dataset.link = link;
  });
  return root;
}
