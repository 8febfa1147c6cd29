/**
 * Earned premiums per contract and year of cover, priced on the *expected* claims of the contract's insured
 * (their exposure times the stable hazard rates, without any drift) so that S/P sits near the target loss ratio
 * everywhere except where a drift was planted.
 *
 * Expected counts become money through one cost per expected claim and guarantee, measured on the non-drifting
 * part of the portfolio (realised paid + reserve / expected count), like a tariff built on past experience.
 *
 * A delivery known as of an earlier day (`asOf`) has the same premiums for the years before that day's year, the
 * part earned by that day for its year (the year's premium times the share of its insured-years already
 * covered), and nothing for later years.
 */
import type {ContractPlan} from "./contracts.ts";
import type {Rng} from "./random.ts";
import {lognormal} from "./samplers.ts";

export const TARGET_LOSS_RATIO = 0.75;
export const FIRST_YEAR = 2021;
export const YEARS = 5;
export const GUARANTEES = ["incapacity", "disability", "death"] as const;

export class PremiumBook {
  private readonly expected: Float64Array;
  private readonly exposure: Float64Array;
  /** Insured-years covered by the as-of day. */
  private readonly knownExposure: Float64Array;
  private readonly realisedStable = [0, 0, 0];

  /** `asOf`: the day the delivery is known as of (day number); premiums after it are not earned yet. */
  constructor(
    private readonly plans: readonly ContractPlan[],
    readonly asOf: number
  ) {
    this.expected = new Float64Array(plans.length * YEARS * GUARANTEES.length);
    this.exposure = new Float64Array(plans.length * YEARS);
    this.knownExposure = new Float64Array(plans.length * YEARS);
  }

  /**
   * Adds an insured's exposure in one year: years covered and expected claim counts per guarantee, and `known`,
   * the part of `years` covered by the as-of day.
   */
  addExposure(
    contract: number,
    year: number,
    years: number,
    incapacity: number,
    disability: number,
    death: number,
    known: number
  ): void {
    const cell = contract * YEARS + (year - FIRST_YEAR);
    this.exposure[cell] += years;
    this.knownExposure[cell] += known;
    this.expected[cell * 3] += incapacity;
    this.expected[cell * 3 + 1] += disability;
    this.expected[cell * 3 + 2] += death;
  }

  /** Adds a claim's cost (paid + reserve) when its contract does not drift: the tariff's experience base. */
  addCost(contract: number, guarantee: number, cost: number): void {
    if (this.plans[contract].drift === null) this.realisedStable[guarantee] += cost;
  }

  /** Cost per expected claim, per guarantee, on the stable contracts. */
  unitCosts(): number[] {
    const expectedStable = [0, 0, 0];
    for (const plan of this.plans) {
      if (plan.drift !== null) continue;
      for (let y = 0; y < YEARS; y++)
        for (let g = 0; g < 3; g++) expectedStable[g] += this.expected[(plan.index * YEARS + y) * 3 + g];
    }
    return expectedStable.map((e, g) => (e > 0 ? this.realisedStable[g] / e : 0));
  }

  /**
   * Premium rows [contract_id, year, earned_premium_eur] for every contract-year with cover by the as-of day, in
   * contract order. Every contract-year with cover draws its noise, so the amounts do not depend on the as-of day.
   */
  rows(rng: Rng): [string, number, number][] {
    const unit = this.unitCosts();
    const out: [string, number, number][] = [];
    for (const plan of this.plans) {
      for (let y = 0; y < YEARS; y++) {
        const cell = plan.index * YEARS + y;
        if (this.exposure[cell] <= 0) continue;
        let cost = 0;
        for (let g = 0; g < 3; g++) cost += this.expected[cell * 3 + g] * unit[g];
        let premium = (cost / TARGET_LOSS_RATIO) * lognormal(rng, 1, 0.06);
        const known = this.knownExposure[cell];
        if (known <= 0) continue;
        if (known !== this.exposure[cell]) premium *= known / this.exposure[cell];
        out.push([plan.id, FIRST_YEAR + y, Math.round(premium * 100) / 100]);
      }
    }
    return out;
  }
}
