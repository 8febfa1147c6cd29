/**
 * The portfolio of group contracts: sector, region, life dates and workforce size. Sizes are lognormal (many
 * employers of 20-100 staff, a few of 1,000+), rescaled so the insured count grows linearly with `scale`.
 */
import {PERIOD, SECTORS, REGIONS, SURNAMES, PLACES, LEGAL_FORMS, type Sector} from "./catalog.ts";
import {dayFromParts, dayOf} from "./dates.ts";
import {Rng} from "./random.ts";
import {lognormal, pick, shuffled, weightedIndex} from "./samplers.ts";

/** Insured rows (including turnover) at scale 1. */
export const INSURED_PER_SCALE = 40_000;
export const CONTRACTS_PER_SCALE = 200;

export interface Drift {
  dimension: "contract" | "sector";
  /** contract_id or NAF code. */
  segment: string;
  onset: string;
  onsetDay: number;
  factor: number;
}

export interface ContractPlan {
  index: number;
  id: string;
  employerName: string;
  sector: Sector;
  region: string;
  startDay: number;
  /** Last day of cover, or null while in force. */
  endDay: number | null;
  /** Steady workforce: positions kept filled through turnover. */
  headcount: number;
  /** The frequency drift this contract carries (its own or its sector's), if any. */
  drift: Drift | null;
}

export function planContracts(seed: number, scale: number): ContractPlan[] {
  const rng = new Rng(seed, "contracts");
  // At least one contract per sector, so a tiny scale still has every segment (and the drifting sector).
  const count = Math.max(SECTORS.length, Math.round(CONTRACTS_PER_SCALE * scale));
  const periodStart = dayOf(PERIOD.start);
  const periodEnd = dayOf(PERIOD.end);
  // Every sector appears at least once, then the rest follow the portfolio weights.
  const sectors = shuffled(rng, SECTORS).slice(0, Math.min(count, SECTORS.length));
  while (sectors.length < count)
    sectors.push(
      SECTORS[
        weightedIndex(
          rng,
          SECTORS.map((s) => s.weight)
        )
      ]
    );

  const plans: ContractPlan[] = [];
  const raw: number[] = [];
  for (let index = 0; index < count; index++) {
    const sector = sectors[index];
    const late = rng.chance(0.12);
    const startDay = late ? dayFromParts(2021, 2 + rng.int(0, 41)) : dayFromParts(rng.int(2003, 2020), rng.int(1, 12));
    let endDay: number | null = null;
    if (rng.chance(0.08)) {
      const candidate = dayFromParts(2022, 7 + rng.int(0, 38)) - 1;
      if (candidate > startDay + 365) endDay = candidate;
    }
    raw.push(Math.max(12, lognormal(rng, 60, 1.3)));
    plans.push({
      index,
      id: `CT${String(index + 1).padStart(6, "0")}`,
      employerName: employerName(rng, sector),
      sector,
      region:
        REGIONS[
          weightedIndex(
            rng,
            REGIONS.map((r) => r.weight)
          )
        ].code,
      startDay,
      endDay,
      headcount: 0,
      drift: null
    });
  }
  // Expected insured rows of a contract = positions x (1 + turnover x years of cover in the period).
  let expectedRows = 0;
  for (let i = 0; i < count; i++) expectedRows += raw[i] * rowsPerPosition(plans[i], periodStart, periodEnd);
  const factor = (INSURED_PER_SCALE * scale) / expectedRows;
  for (let i = 0; i < count; i++) plans[i].headcount = Math.max(20, Math.round(raw[i] * factor));
  return plans;
}

function rowsPerPosition(plan: ContractPlan, periodStart: number, periodEnd: number): number {
  const from = Math.max(plan.startDay, periodStart);
  const to = Math.min(plan.endDay ?? periodEnd, periodEnd);
  return 1 + plan.sector.turnover * Math.max(0, (to - from) / 365.25);
}

function employerName(rng: Rng, sector: Sector): string {
  const parts = [pick(rng, sector.prefix), pick(rng, SURNAMES)];
  if (rng.chance(0.5)) parts.push(pick(rng, PLACES));
  parts.push(pick(rng, LEGAL_FORMS));
  return parts.join(" ");
}
