import {describe, expect, test} from "vitest";
import {dayOf, iso, monthOf, yearOf} from "../../loaders/generate/dates.ts";
import {rocAuc} from "../../loaders/generate/detectors.ts";
import {fakeNir} from "../../loaders/generate/nir.ts";
import {Rng} from "../../loaders/generate/random.ts";
import {exponential, gamma, lognormal, normalCdf, normalQuantile, poisson} from "../../loaders/generate/samplers.ts";

function moments(draw: () => number, n = 200_000): {mean: number; variance: number} {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return {mean, variance: squares / n - mean * mean};
}

describe("the seeded PRNG", () => {
  test("the same seed and label give the same sequence; another label gives another one", () => {
    const a = new Rng(1, "claims");
    const b = new Rng(1, "claims");
    const c = new Rng(1, "scores");
    const seqA = Array.from({length: 5}, () => a.next());
    expect(Array.from({length: 5}, () => b.next())).toEqual(seqA);
    expect(Array.from({length: 5}, () => c.next())).not.toEqual(seqA);
  });

  test("uniform draws stay in [0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = new Rng(2, "u");
    let low = 1;
    let high = 0;
    const m = moments(() => {
      const u = rng.next();
      low = Math.min(low, u);
      high = Math.max(high, u);
      return u;
    });
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
  });

  test("int(low, high) reaches both ends and nothing outside", () => {
    const rng = new Rng(3, "int");
    const seen = new Set(Array.from({length: 1000}, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("samplers match their textbook moments", () => {
  test("normal: mean 0, variance 1", () => {
    const rng = new Rng(4, "n");
    const m = moments(() => rng.normal());
    expect(m.mean).toBeCloseTo(0, 2);
    expect(m.variance).toBeCloseTo(1, 1);
  });

  test("Poisson(3.2): mean and variance 3.2", () => {
    const rng = new Rng(5, "p");
    const m = moments(() => poisson(rng, 3.2));
    expect(m.mean).toBeCloseTo(3.2, 1);
    expect(m.variance).toBeCloseTo(3.2, 1);
  });

  test("gamma(shape 2.5, scale 4): mean k*theta = 10, variance k*theta^2 = 40; shape < 1 too (0.5, 2: mean 1, variance 2)", () => {
    const rng = new Rng(6, "g");
    const m = moments(() => gamma(rng, 2.5, 4));
    expect(m.mean / 10).toBeCloseTo(1, 1);
    expect(m.variance / 40).toBeCloseTo(1, 1);
    const small = moments(() => gamma(rng, 0.5, 2));
    expect(small.mean).toBeCloseTo(1, 1);
    expect(small.variance / 2).toBeCloseTo(1, 1);
  });

  test("exponential(rate 0.25): mean 4; lognormal(median 15, sigma 1.25): mean 15 exp(sigma^2 / 2) = 21.8", () => {
    const rng = new Rng(7, "e");
    expect(moments(() => exponential(rng, 0.25)).mean / 4).toBeCloseTo(1, 1);
    expect(moments(() => lognormal(rng, 15, 1.25), 400_000).mean / (15 * Math.exp(1.25 ** 2 / 2))).toBeCloseTo(1, 1);
  });

  test("normal CDF and quantile agree with the tables: Phi(1.96) = 0.9750, Phi^-1(0.975) = 1.95996, Phi^-1(0.5) = 0", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe("helpers", () => {
  test("ROC AUC of labels [0, 0, 1, 1] scored [0.1, 0.4, 0.35, 0.8] is 0.75 (3 of 4 pairs ordered); a tie counts a half", () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
  });

  test("a fake NIR has the shape of the published example 2 55 08 14 168 025 38: sex, year, month, département, then the key", () => {
    const nir = fakeNir(new Rng(8, "nir"), true, 1955, 8, "14");
    expect(nir).toMatch(/^2550814\d{8}$/);
    expect(Number(nir.slice(13))).toBe(97 - Number(BigInt(nir.slice(0, 13)) % 97n));
    // The published example itself satisfies the same key rule.
    expect(97 - Number(2550814168025n % 97n)).toBe(38);
  });

  test("day numbers round-trip to ISO dates, with year and month, across leap days", () => {
    for (const date of ["1900-01-01", "2024-02-29", "2025-12-31", "2026-01-15"]) expect(iso(dayOf(date))).toBe(date);
    expect(dayOf("2024-03-01") - dayOf("2024-02-28")).toBe(2);
    expect(yearOf(dayOf("2025-12-31"))).toBe(2025);
    expect(monthOf(dayOf("2025-12-31"))).toBe(11);
  });
});
