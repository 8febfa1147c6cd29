/**
 * The distribution of the two-sided one-sample Kolmogorov-Smirnov statistic D_n: `kolmogorovSf(n, d)` = P(D_n > d),
 * the function scipy calls `scipy.stats.kstwo.sf(d, n)` and from which `ks_2samp(method="asymp")` takes its p-value.
 * Browser-safe (no Node imports).
 *
 * A port, in plain double precision, of scipy 1.17's `scipy/stats/_ksstats.py` (`_kolmogn`, by P. van Mulbregt), which
 * picks one method by (n, d) as Simard & L'Ecuyer (2011, "Computing the two-sided Kolmogorov-Smirnov distribution",
 * J. Stat. Softw. 39(11)) recommend:
 * - Ruben & Gambino's closed forms at the ends of the support (n·d <= 1, n·d >= n - 1);
 * - the Durbin (1968) matrix, computed as Marsaglia, Tsang & Wang (2003) do, for small n·d²;
 * - Pomeranz's (1974) recursion for n <= 140 and n·d² <= 4;
 * - Pelz & Good's (1976) asymptotic series for large n and small d;
 * - twice the one-sided Smirnov tail (Birnbaum & Tingey 1951, the lower sum) for large d, where the two one-sided
 *   events cannot both happen (d >= 0.5) or almost never do.
 * scipy evaluates that one-sided tail (`scipy.special.smirnov`) in double-double arithmetic; here its terms are built in
 * logarithms by a ratio recurrence, which keeps about 12 significant digits (tests/lib/monitoring/kolmogorov-test.ts
 * compares the whole function with scipy).
 */

const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
/** log(2^-1075): exp of anything smaller is 0 even as a subnormal (cephes MINLOG as scipy defines it). */
const MINLOG = -745.1332191019412;
/**
 * Bernoulli terms B_2j / (2j (2j - 1)) for j = 8..1, highest power first: scipy's `_STIRLING_COEFFS`, written with the
 * shortest digits that give the same doubles.
 */
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
  0.0007936507936507937, -0.002777777777777778, 0.08333333333333333
];

const clip01 = (p: number) => Math.min(1, Math.max(0, p));

/** x · 2^e without overflowing or underflowing on the way when e is large. */
function ldexp(x: number, e: number): number {
  let y = x;
  let rest = e;
  while (rest > 1000) {
    y *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    y *= 2 ** -1000;
    rest += 1000;
  }
  return y * 2 ** rest;
}

/** log(n! / n^n) by Stirling's series, with n·log(n) taken out first so nothing cancels. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const y = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * y + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/**
 * n·x as floor plus fractional part, exactly: n·x is split into a rounded product and its rounding error (Dekker's
 * two-product), so the floor is right even when the rounded product lands on an integer.
 */
function splitProduct(n: number, x: number): {floor: number; alpha: number} {
  const hi = n * x;
  const split = (a: number) => {
    const c = 134217729 * a; // 2^27 + 1
    const big = c - (c - a);
    return [big, a - big];
  };
  const [nh, nl] = split(n);
  const [xh, xl] = split(x);
  const lo = nh * xh - hi + nh * xl + nl * xh + nl * xl;
  let floor = Math.floor(hi);
  if (hi === floor && lo < 0) floor -= 1;
  let alpha = hi - floor + lo;
  if (alpha >= 1) {
    floor += 1;
    alpha = 0;
  }
  return {floor, alpha: Math.max(0, alpha)};
}

/**
 * The one-sided Smirnov tail P(D+_n > x) by Birnbaum & Tingey's lower sum
 * x · Σ_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v), all terms positive.
 * Only the branches `kolmogorovSf` reaches are here: it calls this for 1/n < x < 1 - 1/n with n·x² >= 2.2 or x >= 0.5,
 * where scipy also sums the lower terms (its upper sum needs x <= 0.5/√n).
 */
function smirnovSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (n === 1) return 1 - x;
  if (-2 * n * x * x < MINLOG) return 0;
  const {floor: nxfl, alpha} = splitProduct(n, x);
  if (nxfl >= n - 1) return Math.pow(1 - x, n);
  // scipy's approximation when the sum would take too long: P ~ exp(-(6nx + 1)² / 18n)
  if (n > 1_000_000) return Math.exp(-Math.pow(6 * n * x + 1, 2) / 18 / n);
  // The sum stops at floor(n(1 - x)), less one when n·x is an integer (that term is 0): either way n - floor(nx) - 1.
  const last = n - nxfl - 1;
  // Term v in logarithms: C(n, v) ((nx + v)/n)^(v-1) ((n - nx - v)/n)^(n-v), built from v = 0 by the ratio
  // A(v+1)/A(v) = (n-v)/(v+1) · (1 - 1/N2)^(n-v-1) · (1 + 1/N1)^v · N1/N2, with N1 = nx + v, N2 = n - nx - v, so that no
  // large logarithms are subtracted (their rounding would cost digits when n is in the millions).
  let logA = n * Math.log1p(-x) - Math.log(x);
  // Running log-sum-exp: the first terms can underflow while their sum does not.
  let top = logA;
  let scaled = 1;
  const logEps = Math.log(Number.EPSILON);
  for (let v = 0; v < last; v++) {
    const n1 = nxfl + v + alpha;
    const n2 = n - nxfl - v - alpha;
    logA +=
      Math.log(n - v) -
      Math.log(v + 1) +
      (n - v - 1) * Math.log1p(-1 / n2) +
      v * Math.log1p(1 / n1) +
      Math.log(n1) -
      Math.log(n2);
    if (logA > top) {
      scaled = scaled * Math.exp(top - logA) + 1;
      top = logA;
    } else {
      scaled += Math.exp(logA - top);
    }
    // scipy's early exit: the terms left cannot change the sum at double precision.
    if (v + 1 < last && Math.log(4 * (last - v)) + logA < logEps + top + Math.log(scaled)) break;
  }
  return clip01(Math.exp(Math.log(x) + top + Math.log(scaled)));
}

/** P(D_n <= d) by Durbin's matrix: the (k, k) entry of H^n, times n!/n^n (Marsaglia, Tsang & Wang 2003). */
function durbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - Math.pow(h, j)) * fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let H: Float64Array[] = Array.from({length: m}, () => new Float64Array(m));
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r][i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r][0] = v[r];
  for (let c = 0; c < m; c++) H[m - 1][c] = v[m - 1 - c];

  const multiply = (a: Float64Array[], b: Float64Array[]) => {
    const out = Array.from({length: m}, () => new Float64Array(m));
    for (let i = 0; i < m; i++) {
      const ai = a[i];
      const oi = out[i];
      for (let l = 0; l < m; l++) {
        const x = ai[l];
        if (x === 0) continue;
        const bl = b[l];
        for (let j = 0; j < m; j++) oi[j] += x * bl[j];
      }
    }
    return out;
  };
  let power: Float64Array[] = Array.from({length: m}, (_, i) => {
    const row = new Float64Array(m);
    row[i] = 1;
    return row;
  });
  let nn = n;
  let exponent = 0;
  let hExponent = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = multiply(power, H);
      exponent += hExponent;
    }
    H = multiply(H, H);
    hExponent *= 2;
    // Rescale so the powers of H do not overflow; the exponent is added back at the end.
    if (Math.abs(H[k - 1][k - 1]) > EP128) {
      for (const row of H) for (let j = 0; j < m; j++) row[j] /= EP128;
      hExponent += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[k - 1][k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      exponent -= 128;
    }
  }
  return clip01(ldexp(p, exponent));
}

/** The columns j1..j2 of row i that Pomeranz's recursion can reach (scipy `_pomeranz_compute_j1j2`). */
function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** P(D_n <= d) by Pomeranz's recursion (1974): 2n + 1 convolutions with truncated Poisson weights. */
function pomeranzCdf(n: number, d: number): number {
  const t = n * d;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * (g / n)) / m;
    twogpower[m] = (twogpower[m - 1] * ((2 * g) / n)) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * ((1 - 2 * g) / n)) / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let exponent = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const from = k1 - v0s;
      const a = v0.subarray(from, Math.min(from + ln2, npwrs));
      const start = j1 - k1;
      const len = j2 - j1 + 1;
      let max = 0;
      for (let q = 0; q < len; q++) {
        // entry start + q of the full convolution of a with pwrs[0..ln2)
        const c = start + q;
        let s = 0;
        for (let r = Math.max(0, c - ln2 + 1); r <= Math.min(c, a.length - 1); r++) s += a[r] * pwrs[c - r];
        v1[q] = s;
        if (s > max) max = s;
      }
      if (max > 0 && max < EM128) {
        for (let q = 0; q < npwrs; q++) v1[q] *= EP128;
        exponent -= 128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let ans = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      exponent += 128;
    }
    ans *= m;
  }
  return clip01(ldexp(ans, exponent));
}

/**
 * Pelz & Good's (1976) approximation to P(D_n <= d): Li-Chien and Korolyuk's expansion
 * K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 in z = d√n, rewritten with Jacobi theta identities for small z.
 */
function pelzGoodCdf(n: number, d: number): number {
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const z = Math.sqrt(n) * d;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  // Horner over k of Σ c_k q^((2k-1)²): the sum runs over odd integers.
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT_2PI) / divisors[i];
  // The other sums of K2 and K3 run over all integers k.
  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qk = Math.pow(q, k2);
    const kpi = Math.PI * k;
    k2extra += k2 * qk;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  K[2] += (k2extra * PI2 * SQRT_2PI) / (-36 * z3);
  K[3] += (k3extra * PI2 * SQRT_2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

/**
 * P(D_n > d) for the two-sided one-sample Kolmogorov-Smirnov statistic with n observations: scipy's
 * `scipy.stats.kstwo.sf(d, n)`. n must be a positive integer.
 */
export function kolmogorovSf(n: number, d: number): number {
  if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`kolmogorovSf needs a positive integer n, got ${n}`);
  if (Number.isNaN(d)) throw new RangeError("kolmogorovSf needs a number d, got NaN");
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    // Ruben & Gambino: P(D_n <= d) = n!/n^n (2nd - 1)^n for 1/2n <= d <= 1/n.
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - cdf);
  }
  // Ruben & Gambino at the other end: P(D_n > d) = 2 (1 - d)^n for d >= 1 - 1/n.
  if (t >= n - 1) return clip01(2 * Math.pow(1 - d, n));
  // D+ > d and D- > d cannot both happen when d >= 1/2: the two-sided tail is twice the one-sided one.
  if (d >= 0.5) return clip01(2 * smirnovSf(n, d));
  const nd2 = t * d;
  if (n <= 140) {
    if (nd2 <= 0.754693) return clip01(1 - durbinCdf(n, d));
    if (nd2 <= 4) return clip01(1 - pomeranzCdf(n, d));
    return clip01(2 * smirnovSf(n, d));
  }
  if (nd2 >= 370) return 0;
  if (nd2 >= 2.2) return clip01(2 * smirnovSf(n, d));
  const cdf = n <= 100_000 && n * Math.pow(d, 1.5) <= 1.4 ? durbinCdf(n, d) : pelzGoodCdf(n, d);
  return clip01(1 - cdf);
}
