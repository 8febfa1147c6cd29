/**
 * The expertise-targeting scenario explorer: inputs, KPI cards, gain / lift / net-savings curves and the decile
 * table, kept in step with the page address (query string) so a copied link reproduces the scenario.
 *
 * The math is passed in (`lib`: the modules of loaders/shared/roi, which the page imports as ./shared/roi/*.js),
 * so this component has no import path that differs between the browser build and the tests. Work is tiered:
 * model or period -> prepare (rank, cumulative arrays, bootstrap); cost or saving -> curves and optimum;
 * capacity or threshold -> lookups, text and two marker attributes (well inside one animation frame).
 */
import {formatCount, formatPercent} from "../../lib/format/roi.js";
import type * as Capacity from "../../lib/roi/capacity.ts";
import type * as Curves from "../../lib/roi/curves.ts";
import type {ClaimColumns, ExplorerView, EconomicsState, Prepared} from "../../lib/roi/explorer-model.ts";
import type * as ExplorerModel from "../../lib/roi/explorer-model.ts";
import type * as ScenarioModule from "../../lib/roi/scenario.ts";
import {curveChart, type CurveChart} from "./curve-chart.js";
import {decileTable} from "./decile-table.js";
import {kpiCards} from "./kpi-cards.js";
import {scenarioForm} from "./scenario-form.js";

export interface RoiLib {
  selectClaims: typeof ExplorerModel.selectClaims;
  prepare: typeof ExplorerModel.prepare;
  economicsState: typeof ExplorerModel.economicsState;
  viewAt: typeof ExplorerModel.viewAt;
  capacityForThreshold: typeof Capacity.capacityForThreshold;
  curvePoint: typeof Curves.curvePoint;
  decodeScenario: typeof ScenarioModule.decodeScenario;
  encodeScenario: typeof ScenarioModule.encodeScenario;
  /** Smallest number of people a published figure may describe (11). */
  minCell: number;
}

/** The page context (src/data/roi-context.json), as far as the explorer reads it. */
export interface RoiContext {
  models: {model_version: string}[];
  default_model: string | null;
  years: [number, number] | null;
  defaults: {cost_per_expertise: number; saving_per_abuse: number | null};
  coverage: {model_version: string; year: number; outcome: string; arm: string; scored: boolean; claims: number}[];
}

export interface RoiExplorerOptions {
  lib: RoiLib;
  /** The address's query string at load (location.search). */
  search: string;
  /** Called (debounced) with the new query string when the scenario changes (history.replaceState). */
  replaceSearch?: (search: string) => void;
  /** The full link of a query string, for "copy link" (default: the search itself). */
  linkFor?: (search: string) => string;
  /** Where "copy link" writes (navigator.clipboard). */
  clipboard?: {writeText(text: string): Promise<void>};
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
  const {lib, context} = {lib: options.lib, context: data.context};
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
  const {scenario, problems} = lib.decodeScenario(options.search, {
    models,
    defaultModel: context.default_model,
    years,
    costPerExpertise: context.defaults.cost_per_expertise,
    savingPerAbuse: context.defaults.saving_per_abuse
  });
  const width = options.width ?? 640;

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
    prepared = lib.prepare(lib.selectClaims(data.claims, scenario.model, scenario.from, scenario.to));
    randomClaimsBefore = new Int32Array(prepared.bt.n + 1);
    let covered = 0;
    for (const band of prepared.bands) {
      covered += band.random_claims;
      for (let r = band.start; r < band.end; r++) randomClaimsBefore[r + 1] = covered;
    }
    form.capacityRange.max = String(prepared.bt.n);
    form.capacityNumber.max = String(prepared.bt.n);
    const coverage = context.coverage.filter(
      (c) => c.model_version === scenario.model && c.year >= scenario.from && c.year <= scenario.to
    );
    const count = (test: (c: RoiContext["coverage"][number]) => boolean) =>
      coverage.filter(test).reduce((sum, c) => sum + c.claims, 0);
    const small = (n: number) => (n > 0 && n < lib.minCell ? `fewer than ${lib.minCell}` : formatCount(n));
    const pending = count((c) => c.outcome === "pending");
    const unscored = count((c) => c.outcome !== "pending" && !c.scored);
    const noShow = count((c) => c.outcome === "no_show" && c.scored);
    const bt = prepared.bt;
    summary.textContent =
      `Backtest: ${formatCount(bt.n)} expertised claims with a decided outcome and a ${scenario.model} score, expertises ordered ${scenario.from}–${scenario.to}; ` +
      `${bt.n >= lib.minCell ? `${formatCount(bt.totalHits)} abuses (base rate ${formatPercent(bt.baseRate)})` : "figures masked (fewer than 11 claims)"}. ` +
      `Left out: ${small(pending)} pending, ${small(unscored)} without a ${scenario.model} score. Counted as non-abuses: ${small(noShow)} no-shows. ` +
      randomArmSentence();
    const heading = document.createElement("h3");
    heading.textContent = "Backtest by score decile: naive precision beside the random arm's (unbiased) precision";
    deciles.replaceChildren(heading, decileTable(prepared.bands, {minCell: lib.minCell}));
  }

  /** The random arm's overall hit rate: the unbiased abuse rate among the claims expertises are ordered on. */
  function randomArmSentence(): string {
    const claims = prepared.bands.reduce((sum, b) => sum + b.random_claims, 0);
    const abuses = prepared.bands.reduce((sum, b) => sum + b.random_abuses, 0);
    if (!claims) return "No random control arm in this backtest: no unbiased estimate is available.";
    if (claims < lib.minCell) return `Random control arm: fewer than ${lib.minCell} claims (masked).`;
    return `Random control arm: ${formatCount(claims)} claims, ${formatPercent(abuses / claims)} abuses (unbiased), against ${formatPercent(prepared.bt.baseRate)} over the whole backtest.`;
  }

  function loadEconomics(): void {
    state = lib.economicsState(prepared, economics());
    const bt = prepared.bt;
    const curve = state.curve;
    const ruleRate = prepared.rule.precision;
    const perAbuse = state.savingPerAbuse;
    const small = bt.n < lib.minCell;
    // Below 11 claims the curves would describe single people: draw nothing but the axes.
    const gainPoints = small ? [] : curve.map((p) => ({x: p.k, y: p.recall}));
    const liftPoints = small ? [] : curve.filter((p) => p.lift !== null).map((p) => ({x: p.k, y: p.lift as number}));
    const netPoints = small ? [] : curve.map((p) => ({x: p.k, y: p.net_eur}));
    gain = curveChart(gainPoints, {
      title: "Gain: share of the abuses found",
      xLabel: "Expertises ordered (top claims by score) →",
      yLabel: "↑ Abuses found (recall)",
      yPercent: true,
      references: [
        {
          points: [
            {x: 0, y: 0},
            {x: bt.n, y: 1}
          ],
          label: "random order"
        }
      ],
      width
    });
    lift = curveChart(liftPoints, {
      title: "Lift: precision over the base rate",
      xLabel: "Expertises ordered →",
      yLabel: "↑ Lift",
      rules: [
        {y: 1, label: "random order (lift 1)"},
        ...(bt.baseRate && Number.isFinite(state.breakEven)
          ? [{y: state.breakEven / bt.baseRate, label: `break-even (precision ${formatPercent(state.breakEven, 2)})`}]
          : [])
      ],
      width
    });
    net = curveChart(netPoints, {
      title: "Net savings by capacity",
      xLabel: "Expertises ordered →",
      yLabel: "↑ Net savings (€)",
      rules: [{y: 0, label: "break-even"}],
      references:
        ruleRate === null || small || prepared.rule.claims < lib.minCell
          ? []
          : [
              {
                points: [
                  {x: 0, y: 0},
                  {
                    x: bt.n,
                    y:
                      bt.n *
                      (ruleRate *
                        (scenario.savingPerAbuse ??
                          (prepared.rule.abuses ? prepared.rule.savings_eur / prepared.rule.abuses : perAbuse)) -
                        scenario.costPerExpertise)
                  }
                ],
                label: "today's rule"
              }
            ],
      marks: small
        ? []
        : [{x: state.optimum.k, y: state.optimum.net_eur, label: `optimum ${formatCount(state.optimum.k)}`}],
      width
    });
    charts.replaceChildren(gain, lift, net);
  }

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleUrl(): void {
    if (!options.replaceSearch) return;
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => options.replaceSearch!(root.currentSearch()), 200);
  }

  function showCapacity(): void {
    const view: ExplorerView = lib.viewAt(prepared, state, k);
    const kk = view.point.k;
    form.capacityRange.value = String(kk);
    form.capacityNumber.value = String(kk);
    if (document.activeElement !== form.threshold)
      form.threshold.value = view.threshold === null ? "" : view.threshold.toFixed(4);
    kpis.update(view, {
      n: prepared.bt.n,
      state,
      minCell: lib.minCell,
      ruleClaims: prepared.rule.claims,
      randomClaimsCovered: randomClaimsBefore[kk]
    });
    const small = prepared.bt.n < lib.minCell || kk < lib.minCell;
    const p = lib.curvePoint(prepared.bt, kk, state.eco);
    gain.setPoint(kk, small ? null : p.recall);
    lift.setPoint(kk, small ? null : p.lift);
    net.setPoint(kk, small ? null : p.net_eur);
    scheduleUrl();
  }

  root.currentSearch = () => lib.encodeScenario(scenario, k);
  root.setCapacity = (value: number) => {
    k = Math.max(0, Math.min(prepared.bt.n, Math.floor(value)));
    scenario.k = k;
    showCapacity();
  };

  // Initial state, from the link.
  form.cost.value = String(scenario.costPerExpertise);
  form.savingMode.value = scenario.savingPerAbuse === null ? "recorded" : "fixed";
  form.saving.value = String(scenario.savingPerAbuse ?? 8000);
  form.saving.disabled = scenario.savingPerAbuse === null;
  form.model.value = scenario.model;
  form.from.value = String(scenario.from);
  form.to.value = String(scenario.to);
  loadClaims();
  loadEconomics();
  const notices = [...problems];
  if (scenario.k === null) k = state.optimum.k;
  else if (scenario.k > prepared.bt.n) {
    notices.push(
      `capacity k=${scenario.k} is more than the ${formatCount(prepared.bt.n)} claims of this backtest; using ${formatCount(prepared.bt.n)}.`
    );
    k = prepared.bt.n;
  } else k = scenario.k;
  scenario.k = k;
  form.showNotice(notices);
  showCapacity();

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
      root.setCapacity(lib.capacityForThreshold(prepared.bt, value));
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
    scenario.model = form.model.value;
    scenario.from = Number(form.from.value);
    scenario.to = Number(form.to.value);
    loadClaims();
    loadEconomics();
    k = Math.min(k, prepared.bt.n);
    scenario.k = k;
    showCapacity();
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
