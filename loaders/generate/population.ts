/**
 * The insured of one contract. Each position of the workforce is held by a succession of employees: the first
 * one is already there when the period (or the contract) starts, with some tenure; when they leave (turnover,
 * retirement at 62-65, death, or the contract ending) a newcomer takes the seat a few weeks later. Ages at hire
 * and tenure are drawn so the age pyramid stays roughly stable over the five years.
 */
import {PERIOD, REGION_DEPARTMENTS} from "./catalog.ts";
import type {ContractPlan} from "./contracts.ts";
import {dayOf, monthOf, yearOf} from "./dates.ts";
import {fakeNir} from "./nir.ts";
import type {Rng} from "./random.ts";
import {exponential, gamma, lognormal, pick} from "./samplers.ts";

const YEAR = 365.25;
const PERIOD_START = dayOf(PERIOD.start);
const PERIOD_END = dayOf(PERIOD.end);

export interface Person {
  contract: ContractPlan;
  nir: string;
  birthDay: number;
  female: boolean;
  cadre: boolean;
  coverageStart: number;
  /** Day cover would end without death (turnover, retirement or contract end); may lie after the period. */
  leaveDay: number;
  /** Set by the claims simulation when the insured dies while covered. */
  deathDay: number | null;
  /** Daily sick-leave allowance (EUR). */
  dailyRate: number;
  /** Annual reference salary (EUR), base of disability pensions and death capital. */
  salary: number;
}

/**
 * Last covered day as the extract shows it: empty (null) while still covered at the end of the period, or on
 * `asOf`, the day the delivery is known as of, when that is earlier (a later end was not known yet).
 */
export function coverageEnd(person: Person, asOf: number): number | null {
  const end = Math.min(person.leaveDay, person.deathDay ?? Infinity);
  return end <= Math.min(PERIOD_END, asOf) ? end : null;
}

/** Calls `visit` for every insured of the contract, in order; `visit` may set `deathDay` before the seat is refilled. */
export function forEachInsured(plan: ContractPlan, rng: Rng, visit: (person: Person) => void): void {
  const lastDay = Math.min(plan.endDay ?? PERIOD_END, PERIOD_END);
  const anchor = Math.max(plan.startDay, PERIOD_START);
  const turnover = plan.sector.turnover * (0.7 + 0.6 * rng.next());
  const cadreShare = Math.min(0.95, plan.sector.cadreShare * (0.6 + 0.8 * rng.next()));
  const departments = REGION_DEPARTMENTS[plan.region];

  for (let seat = 0; seat < plan.headcount; seat++) {
    // The first holder of the seat: tenure before the anchor day, age = age at hire + tenure.
    const retireAge = 62 + 3 * rng.next();
    const hireAge = hireAgeDraw(rng);
    let tenure = exponential(rng, turnover);
    if (hireAge + tenure > retireAge - 0.3) tenure = (retireAge - 0.3 - hireAge) * rng.next();
    const birthDay = Math.round(anchor - (hireAge + tenure) * YEAR);
    const coverageStart =
      plan.startDay >= PERIOD_START ? plan.startDay : Math.max(plan.startDay, Math.round(anchor - tenure * YEAR));
    let person = newPerson(plan, rng, departments, cadreShare, birthDay, coverageStart, anchor, retireAge, turnover);
    for (;;) {
      visit(person);
      const left = Math.min(person.leaveDay, person.deathDay ?? Infinity);
      const nextStart = left + rng.int(1, 60);
      if (nextStart > lastDay) break;
      const age = hireAgeDraw(rng);
      const retire = 62 + 3 * rng.next();
      person = newPerson(
        plan,
        rng,
        departments,
        cadreShare,
        Math.round(nextStart - age * YEAR),
        nextStart,
        nextStart,
        retire,
        turnover
      );
    }
  }
}

/** Age at hire: 18 plus a right-skewed gamma (mean ~31 years), capped at 58. */
function hireAgeDraw(rng: Rng): number {
  return Math.min(58, 18 + gamma(rng, 2, 6.5));
}

function newPerson(
  plan: ContractPlan,
  rng: Rng,
  departments: readonly string[],
  cadreShare: number,
  birthDay: number,
  coverageStart: number,
  from: number,
  retireAge: number,
  turnover: number
): Person {
  const female = rng.chance(plan.sector.femaleShare);
  const cadre = rng.chance(cadreShare);
  const exit = Math.round(from + exponential(rng, turnover) * YEAR);
  const retirement = Math.round(birthDay + retireAge * YEAR);
  const leaveDay = Math.max(coverageStart, Math.min(exit, retirement, plan.endDay ?? Infinity));
  const dailyRate = cadre ? lognormal(rng, 110, 0.3) : lognormal(rng, 55, 0.2);
  return {
    contract: plan,
    nir: fakeNir(rng, female, yearOf(birthDay), monthOf(birthDay) + 1, pick(rng, departments)),
    birthDay,
    female,
    cadre,
    coverageStart,
    leaveDay,
    deathDay: null,
    dailyRate,
    salary: (dailyRate * 365) / 0.75
  };
}
