/**
 * Claims of one insured over their cover inside the period: death and disability (rare, age-driven), then
 * sick-leave stoppages drawn as a non-homogeneous Poisson process (age, sex, job, sector, winter peak, and the
 * planted drift after its onset) by thinning. An insured on leave cannot start another stoppage until back, a
 * disabled one has no more sick leave, a dead one nothing at all. Only claims declared by the snapshot date are
 * in the extract (later ones are "incurred but not reported").
 *
 * The simulation always runs to the generator's own snapshot date (SNAPSHOT_DATE): its random draws, claim and
 * expertise ids, and the costs premiums are priced on never change. What is *written* is the delivery as known on
 * `sinks.asOf` (SNAPSHOT_DATE by default, an earlier day for `--snapshot`): claims, scores and expertises dated
 * after it are left out, and claims and expertise reports still running then are written as they stood that day.
 *
 * Each sick-leave claim also draws its hidden abuse flag, its model scores when scored, and maybe an expertise,
 * whose `abuse` finding stops the allowance early (the saving).
 */
import {abuseLogOdds, modelLogit, MODEL_VERSIONS, roundedScore} from "./abuse.ts";
import {MODEL_START, PERIOD, SNAPSHOT_DATE} from "./catalog.ts";
import {money, type CsvWriter} from "./csv-writer.ts";
import {ageOn, dayFromParts, dayOf, iso, monthOf, yearOf} from "./dates.ts";
import {chooseArm, expertiseCost, MIN_REMAINING_DAYS, NO_SHOW_RATE} from "./expertise.ts";
import {
  claimFeatures,
  driftedFeatures,
  driftShift,
  explain,
  cardOf,
  MODEL_CARDS,
  valueText,
  type ModelCard,
  type FeatureValues,
  type ModelDrift
} from "./features.ts";
import type {Person} from "./population.ts";
import type {PremiumBook} from "./premiums.ts";
import {Rng} from "./random.ts";
import {deathRate, disabilityRate, incapacityRate, SEASON_MAX, SEASONALITY, type Profile} from "./rates.ts";
import {exponential, gamma, lognormal, sigmoid} from "./samplers.ts";
import type {Stats} from "./stats.ts";

const YEAR = 365.25;
const PERIOD_START = dayOf(PERIOD.start);
const PERIOD_END = dayOf(PERIOD.end);
const SNAPSHOT = dayOf(SNAPSHOT_DATE);
const MODEL_LIVE = dayOf(MODEL_START);
/** The day each version's model card (and with it its feature rows) is known from: the end of its training window. */
const cardKnownFrom = new Map(MODEL_CARDS.map((card) => [card.version, dayOf(card.trainedTo)]));
/** Waiting days (délai de carence) before the daily allowance starts. */
const WAITING_DAYS = 3;
/** Incapacity lasts at most three years (then disability takes over). */
const MAX_STOPPAGE_DAYS = 1095;

export interface ClaimSinks {
  claims: CsvWriter;
  scores: CsvWriter;
  /** Each written score's feature values and contributions (score_features.csv). */
  scoreFeatures: CsvWriter;
  /** The planted model drift: from its first day, the drifting version scores on the drifted values. */
  modelDrift: ModelDrift;
  expertises: CsvWriter;
  premiums: PremiumBook;
  stats: Stats;
  counters: {claim: number; expertise: number};
  /** The day the delivery is known as of (SNAPSHOT by default): what happens after it is not written. */
  asOf: number;
  /** The generation's seed, for the reserve noise of claims the simulation never had to reserve (see `reserveNoise`). */
  seed: number;
}

/** Simulates and writes the claims of one insured; sets `person.deathDay` when they die while covered. */
export function simulateClaims(person: Person, insuredId: string, rng: Rng, sinks: ClaimSinks): void {
  const from = Math.max(person.coverageStart, PERIOD_START);
  let to = Math.min(person.leaveDay, PERIOD_END);
  if (to < from) return;

  const deathDay = firstEvent(rng, from, to, (day) => deathRate(ageOn(person.birthDay, day), person.female));
  if (deathDay !== null) {
    person.deathDay = deathDay;
    to = deathDay;
  }
  const disabilityDay = firstEvent(rng, from, to, (day) => disabilityRate(ageOn(person.birthDay, day)));
  addExposure(person, from, to, sinks.premiums);

  const profile: Profile = {
    female: person.female,
    cadre: person.cadre,
    sectorFactor: person.contract.sector.incapacity
  };
  const drift = person.contract.drift;
  const sickUntil = disabilityDay ?? to;
  const maxRate = incapacityRate(ageOn(person.birthDay, sickUntil), profile) * SEASON_MAX * (drift ? drift.factor : 1);
  // The insured's stoppages so far (first day, declaration day): the scoring pipeline counts the recent ones.
  const history: number[] = [];
  let t = from;
  for (;;) {
    t += exponential(rng, maxRate) * YEAR;
    if (t > sickUntil) break;
    const day = Math.floor(t);
    const rate =
      incapacityRate(ageOn(person.birthDay, day), profile) *
      SEASONALITY[monthOf(day)] *
      (drift && day >= drift.onsetDay ? drift.factor : 1);
    if (rng.next() * maxRate >= rate) continue;
    const end = incapacityClaim(person, insuredId, day, rng, sinks, history);
    t = Math.max(t, end + 1);
  }
  if (disabilityDay !== null) disabilityClaim(person, insuredId, disabilityDay, rng, sinks);
  if (deathDay !== null) deathClaim(person, insuredId, deathDay, rng, sinks);
}

/** First event of a rate rising with age in [from, to] (thinning with the rate at `to` as bound), or null. */
function firstEvent(rng: Rng, from: number, to: number, rate: (day: number) => number): number | null {
  const bound = rate(to);
  let t = from;
  for (;;) {
    t += exponential(rng, bound) * YEAR;
    if (t > to) return null;
    if (rng.next() * bound < rate(Math.floor(t))) return Math.floor(t);
  }
}

/** Exposure and expected claim counts per calendar year, the pricing base of premiums. */
function addExposure(person: Person, from: number, to: number, book: PremiumBook): void {
  const profile: Profile = {
    female: person.female,
    cadre: person.cadre,
    sectorFactor: person.contract.sector.incapacity
  };
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const a = Math.max(from, dayFromParts(year, 1, 1));
    const b = Math.min(to, dayFromParts(year, 12, 31));
    const years = (b - a + 1) / YEAR;
    const age = ageOn(person.birthDay, (a + b) / 2);
    // Insured-years already covered on the as-of day: the earned part of the year's premium.
    const known = b <= book.asOf ? years : a <= book.asOf ? (book.asOf - a + 1) / YEAR : 0;
    book.addExposure(
      person.contract.index,
      year,
      years,
      incapacityRate(age, profile) * years,
      disabilityRate(age) * years,
      deathRate(age, person.female) * years,
      known
    );
  }
}

function nextClaimId(sinks: ClaimSinks): string {
  return `CL${String(++sinks.counters.claim).padStart(9, "0")}`;
}

/** One sick-leave stoppage starting on `day`; writes it (with scores and expertise) and returns its last day. */
function incapacityClaim(
  person: Person,
  insuredId: string,
  day: number,
  rng: Rng,
  sinks: ClaimSinks,
  history: number[]
): number {
  const age = ageOn(person.birthDay, day);
  const tenureYears = (day - person.coverageStart) / YEAR;
  const declared = day + 1 + Math.min(89, Math.floor(gamma(rng, 1.4, 5)));
  const traits = {age, tenureYears, cadre: person.cadre};
  const logOdds = abuseLogOdds(rng, traits);
  const earlier = history.length;
  history.push(day, declared);
  const abusive = rng.next() < sigmoid(logOdds);
  // Durations: lognormal, median ~15 days, a tail past a year; abusive stoppages run somewhat longer.
  const planned = Math.min(MAX_STOPPAGE_DAYS, Math.max(1, Math.ceil(lognormal(rng, 15, 1.25) * (abusive ? 1.6 : 1))));
  let plannedEnd = day + planned - 1;
  if (person.deathDay !== null) plannedEnd = Math.min(plannedEnd, person.deathDay);
  if (declared > SNAPSHOT) return plannedEnd;

  const asOf = sinks.asOf;
  const claimId = nextClaimId(sinks);
  const scoredDay = declared + rng.int(1, 5);
  let v1: number | null = null;
  if (scoredDay >= MODEL_LIVE && scoredDay <= SNAPSHOT && plannedEnd > scoredDay) {
    // Stoppages that started in the 12 months before this one and were declared by the scoring day.
    let priorClaims = 0;
    for (let i = 0; i < earlier; i += 2) if (history[i] >= day - 365 && history[i + 1] <= scoredDay) priorClaims++;
    const values = claimFeatures(sinks.seed, {
      claimId,
      traits,
      logOdds,
      plannedDays: planned,
      declarationDelay: declared - day,
      day,
      priorClaims
    });
    const drift = sinks.modelDrift;
    const afterDrift = scoredDay >= drift.fromDay;
    const drifted = afterDrift ? driftedFeatures(values) : values;
    for (const model of MODEL_VERSIONS) {
      const card = cardOf(model.version);
      // The score as drawn (what every version scored before the drift), then as the drifting pipeline scores it.
      const modelLogOdds = modelLogit(rng, logOdds, model);
      const drawn = roundedScore(modelLogOdds);
      const shift = afterDrift && model.version === drift.version ? driftShift(card, values, drifted) : 0;
      const score = shift === 0 ? drawn : Math.min(0.9999, Math.max(0.0001, roundedScore(modelLogOdds + shift)));
      if (scoredDay <= asOf) {
        sinks.scores.row([claimId, iso(scoredDay), model.version, score.toFixed(4)]);
        sinks.stats.addScore(model.version, score, abusive);
        sinks.stats.addDriftScore(model.version, afterDrift, score, drawn, abusive);
        if (model.version === drift.version) sinks.stats.addDriftValue(afterDrift, drifted[drift.feature]);
        // Feature rows come with the model card: none while the version's training window has not ended.
        if (cardKnownFrom.get(card.version)! <= asOf)
          writeContributions(
            sinks.scoreFeatures,
            claimId,
            card,
            model.version === drift.version ? drifted : values,
            score
          );
      }
      if (v1 === null) v1 = score;
    }
  }

  let end = plannedEnd;
  const ordered = declared + rng.int(7, 28);
  if (ordered <= SNAPSHOT && plannedEnd - ordered >= MIN_REMAINING_DAYS) {
    const orderedByAsOf = ordered <= asOf;
    if (orderedByAsOf) {
      sinks.stats.eligibleClaims++;
      if (abusive) sinks.stats.eligibleAbusive++;
    }
    const score = v1 !== null && scoredDay <= ordered ? v1 : null;
    const arm = chooseArm(rng, {plannedDays: planned, age, tenureYears, score, modelLive: ordered >= MODEL_LIVE});
    if (arm) {
      const reported = ordered + rng.int(7, 21);
      let outcome: "abuse" | "justified" | "no_show" | "pending";
      let saving = 0;
      if (reported > SNAPSHOT) outcome = "pending";
      else if (rng.chance(NO_SHOW_RATE)) outcome = "no_show";
      else if (abusive) {
        outcome = "abuse";
        const stop = Math.min(plannedEnd, reported + rng.int(0, 5));
        saving = (plannedEnd - stop) * person.dailyRate;
        end = stop;
      } else outcome = "justified";
      const id = `EX${String(++sinks.counters.expertise).padStart(7, "0")}`;
      const cost = expertiseCost(rng);
      if (orderedByAsOf) {
        // A report not back on the as-of day has no outcome yet, whatever it later finds.
        const known = reported > asOf ? "pending" : outcome;
        const knownSaving = known === "pending" ? 0 : saving;
        sinks.expertises.row([
          id,
          claimId,
          iso(ordered),
          arm,
          score === null ? "" : score.toFixed(4),
          known,
          money(cost),
          known === "pending" ? "" : money(knownSaving)
        ]);
        sinks.stats.addExpertise(arm, known, knownSaving);
      }
    }
  }

  // Paid and reserve at the simulation's snapshot: the tariff's experience base, whatever day is written.
  const open = end > SNAPSHOT;
  const daysPaid = Math.max(0, (open ? SNAPSHOT : end) - day + 1 - WAITING_DAYS);
  const paid = daysPaid * person.dailyRate;
  const noise = open ? lognormal(rng, 1, 0.25) : NaN;
  const reserve = open ? Math.max(1, end - SNAPSHOT) * person.dailyRate * noise : 0;
  sinks.premiums.addCost(person.contract.index, 0, paid + reserve);
  if (declared > asOf) return end;

  // The same computation on the as-of day (identical when it is the snapshot date).
  const openAsOf = end > asOf;
  const daysPaidAsOf = Math.max(0, (openAsOf ? asOf : end) - day + 1 - WAITING_DAYS);
  const paidAsOf = daysPaidAsOf * person.dailyRate;
  const reserveAsOf = openAsOf
    ? Math.max(1, end - asOf) * person.dailyRate * (open ? noise : reserveNoise(sinks.seed, claimId))
    : 0;
  sinks.claims.row([
    claimId,
    insuredId,
    person.contract.id,
    "incapacity",
    iso(day),
    iso(declared),
    openAsOf ? "" : iso(end),
    daysPaidAsOf,
    money(paidAsOf),
    money(reserveAsOf),
    openAsOf ? "open" : "closed"
  ]);
  return end;
}

/** One score_features.csv row per feature of the version: its value and its contribution to logit(score). */
function writeContributions(
  writer: CsvWriter,
  claimId: string,
  card: ModelCard,
  values: FeatureValues,
  score: number
): void {
  const contributions = explain(card, values, score);
  if (contributions === null) return;
  const prefix = `${claimId},${card.version},`;
  card.features.forEach((feature, j) =>
    writer.line(`${prefix}${feature},${valueText(values[feature])},${contributions[j]}`)
  );
}

/**
 * The reserve's estimation noise for a sick-leave claim open on the as-of day but closed by the simulation's
 * snapshot, which therefore never drew one: from a stream of its own per claim, so the simulation's draws stay
 * those of the full delivery.
 */
function reserveNoise(seed: number, claimId: string): number {
  return lognormal(new Rng(seed, "reserve", claimId), 1, 0.25);
}

/** Disability pension (20-30% of salary, on top of social security) until retirement at 62; a reserve while open. */
function disabilityClaim(person: Person, insuredId: string, day: number, rng: Rng, sinks: ClaimSinks): void {
  const declared = day + rng.int(30, 120);
  if (declared > SNAPSHOT) return;
  const claimId = nextClaimId(sinks);
  const pension = person.salary * (0.15 + 0.1 * rng.next());
  const end = Math.max(Math.round(person.birthDay + 62 * YEAR), day + 90);
  const amounts = (at: number) => {
    const open = end > at;
    const paid = (pension * ((open ? at : end) - day)) / YEAR;
    const reserve = open ? pension * annuityYears((end - at) / YEAR) : 0;
    return {open, paid, reserve};
  };
  const full = amounts(SNAPSHOT);
  sinks.premiums.addCost(person.contract.index, 1, full.paid + full.reserve);
  if (declared > sinks.asOf) return;
  const {open, paid, reserve} = amounts(sinks.asOf);
  sinks.claims.row([
    claimId,
    insuredId,
    person.contract.id,
    "disability",
    iso(day),
    iso(declared),
    open ? "" : iso(end),
    "",
    money(paid),
    money(reserve),
    open ? "open" : "closed"
  ]);
}

/** Death capital (1.5x salary, 3x for cadres), settled a few weeks after the declaration. */
function deathClaim(person: Person, insuredId: string, day: number, rng: Rng, sinks: ClaimSinks): void {
  const declared = day + rng.int(10, 60);
  if (declared > SNAPSHOT) return;
  const claimId = nextClaimId(sinks);
  const capital = person.salary * (person.cadre ? 3 : 1.5);
  const settled = declared + rng.int(10, 60);
  sinks.premiums.addCost(person.contract.index, 2, capital);
  if (declared > sinks.asOf) return;
  const open = settled > sinks.asOf;
  sinks.claims.row([
    claimId,
    insuredId,
    person.contract.id,
    "death",
    iso(day),
    iso(declared),
    open ? "" : iso(settled),
    "",
    money(open ? 0 : capital),
    money(open ? capital : 0),
    open ? "open" : "closed"
  ]);
}

/** Present value, in years of pension, of a pension paid for `years` years (3% discount, ~15% mortality and recovery). */
function annuityYears(years: number): number {
  const n = Math.max(0.5, years);
  return (0.85 * (1 - Math.pow(1.03, -n))) / (1 - 1 / 1.03);
}
