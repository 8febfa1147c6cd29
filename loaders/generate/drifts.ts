/**
 * The planted frequency drifts: three sizeable contracts and one whole sector see their incapacity frequency
 * multiplied from a known onset month. Everything else stays stable, so a drift detector can be scored on both
 * what it finds and what it falsely flags. The truth is written to truth.json.
 */
import {DRIFT_SECTOR_CANDIDATES} from "./catalog.ts";
import type {ContractPlan, Drift} from "./contracts.ts";
import {dayFromParts, dayOf} from "./dates.ts";
import {Rng} from "./random.ts";
import {shuffled} from "./samplers.ts";

const CONTRACT_DRIFTS = 3;
const MIN_DRIFT_HEADCOUNT = 300;
/** Sector frequency multiplier (catalog.ts) a drifting contract's sector must have. */
const MIN_SECTOR_FREQUENCY = 1.05;

/** Chooses the drifts, attaches each to its contracts (`plan.drift`) and returns them in truth order. */
export function plantDrifts(seed: number, plans: ContractPlan[]): Drift[] {
  const rng = new Rng(seed, "drifts");
  const inForce = (p: ContractPlan) => p.endDay === null;

  // The sector: among the candidates, the one with the largest workforce in force (a visible, credible drift).
  const sizeOf = (naf: string) =>
    plans.filter((p) => p.sector.naf === naf && inForce(p)).reduce((sum, p) => sum + p.headcount, 0);
  const sectorNaf = [...DRIFT_SECTOR_CANDIDATES].sort((a, b) => sizeOf(b) - sizeOf(a) || a.localeCompare(b))[0];
  const sectorDrift = makeDrift(rng, "sector", sectorNaf, 1.4, 1.5);

  // The contracts: in force, with history before 2022, outside the drifting sector, 300+ positions when possible,
  // in sectors with at least average sick leave (a drift on 30 claims a year would be planted but invisible).
  const eligible = plans.filter(
    (p) =>
      inForce(p) &&
      p.sector.naf !== sectorNaf &&
      p.startDay <= dayOf("2022-01-01") &&
      p.sector.incapacity >= MIN_SECTOR_FREQUENCY
  );
  const large = shuffled(
    rng,
    eligible.filter((p) => p.headcount >= MIN_DRIFT_HEADCOUNT)
  );
  const chosen = large.slice(0, CONTRACT_DRIFTS);
  if (chosen.length < CONTRACT_DRIFTS) {
    const rest = eligible
      .filter((p) => !chosen.includes(p))
      .sort((a, b) => b.headcount - a.headcount || a.index - b.index);
    chosen.push(...rest.slice(0, CONTRACT_DRIFTS - chosen.length));
  }
  chosen.sort((a, b) => a.index - b.index);
  const contractDrifts = chosen.map((plan) => {
    const drift = makeDrift(rng, "contract", plan.id, 1.6, 2.2);
    plan.drift = drift;
    return drift;
  });
  for (const plan of plans) if (plan.sector.naf === sectorNaf) plan.drift = sectorDrift;
  return [...contractDrifts, sectorDrift];
}

/** Onset month drawn between 2023-06 and 2025-03 (22 months), factor uniform in [low, high] to 2 decimals. */
function makeDrift(rng: Rng, dimension: Drift["dimension"], segment: string, low: number, high: number): Drift {
  const months = rng.int(0, 21);
  const year = 2023 + Math.floor((5 + months) / 12);
  const month = ((5 + months) % 12) + 1;
  const factor = Math.round(rng.uniform(low, high) * 100) / 100;
  return {
    dimension,
    segment,
    onset: `${year}-${String(month).padStart(2, "0")}`,
    onsetDay: dayFromParts(year, month),
    factor
  };
}
