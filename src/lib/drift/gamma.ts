/**
 * The regularized incomplete gamma function and its inverse, from which chi-square and Poisson quantiles
 * follow. Browser-safe (no Node imports): pages import it as "./shared/gamma.js".
 *
 * Algorithms: Lanczos log-gamma, series / continued-fraction evaluation of P(a, x), and the inverse by
 * Halley steps from a Wilson-Hilferty start (Press et al., Numerical Recipes, 3rd ed., 6.1-6.2).
 * Checked against published chi-square tables in tests/drift/gamma-test.ts.
 */

const LANCZOS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
  0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
  0.217439618115212643e-3, -0.16431810653676389e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0, got ${x}`);
  let y = x;
  const tmp = x + 5.2421875;
  const t = (x + 0.5) * Math.log(tmp) - tmp;
  let ser = 0.999999999999997092;
  for (const c of LANCZOS) ser += c / ++y;
  return t + Math.log((2.5066282746310005 * ser) / x);
}

const EPS = 1e-15;
const FPMIN = 1e-300;

/** Series for P(a, x), good for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let sum = 1 / a;
  let del = sum;
  let ap = a;
  for (let n = 0; n < 10_000; n++) {
    del *= x / ++ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

/** Continued fraction (modified Lentz) for Q(a, x), good for x >= a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/** P(a, x) = γ(a, x) / Γ(a), the regularized lower incomplete gamma function. */
export function gammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gammaP needs a > 0, got ${a}`);
  if (x <= 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** Q(a, x) = 1 - P(a, x), computed directly in the upper tail so small values keep their precision. */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gammaQ needs a > 0, got ${a}`);
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/** The x such that P(a, x) = p. */
export function inverseGammaP(p: number, a: number): number {
  if (!(a > 0)) throw new RangeError(`inverseGammaP needs a > 0, got ${a}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`inverseGammaP needs p in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const a1 = a - 1;
  const gln = lnGamma(a);
  let lna1 = 0;
  let afac = 0;
  let x: number;
  if (a > 1) {
    // Wilson-Hilferty start from a normal quantile approximation.
    lna1 = Math.log(a1);
    afac = Math.exp(a1 * (lna1 - 1) - gln);
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    x = Math.max(1e-3, a * Math.pow(1 - 1 / (9 * a) - z / (3 * Math.sqrt(a)), 3));
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    x = p < t ? Math.pow(p / t, 1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
  }
  for (let j = 0; j < 100; j++) {
    if (x <= 0) return 0;
    // Work on whichever tail is smaller so p near 1 keeps its precision.
    const err = p < 0.5 ? gammaP(a, x) - p : 1 - p - gammaQ(a, x);
    const density =
      a > 1 ? afac * Math.exp(-(x - a1) + a1 * (Math.log(x) - lna1)) : Math.exp(-x + a1 * Math.log(x) - gln);
    const u = err / density;
    const step = u / (1 - 0.5 * Math.min(1, u * ((a - 1) / x - 1)));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < 1e-12 * x) break;
  }
  return x;
}

/** The p-quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareQuantile needs df > 0, got ${df}`);
  return 2 * inverseGammaP(p, df / 2);
}
