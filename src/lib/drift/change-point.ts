/**
 * The month a drift started: maximum-likelihood change point of a Poisson rate ratio
 * (Hinkley 1970; for A/E series, e.g. Raubertas 1989). Browser-safe.
 *
 * Actual counts A_t are Poisson(theta_t E_t) with theta = theta1 before tau and theta2 from tau on.
 * Profiling out both ratios (theta_i = A_i / E_i), the log-likelihood up to a constant is
 *   A1 ln(A1 / E1) + A2 ln(A2 / E2)
 * with A1, E1 the sums before tau and A2, E2 from tau to the end. The estimate is the tau that maximises it
 * among upward changes (theta2 > theta1), searched up to `latest` (the CUSUM's signal month: a drift starts
 * no later than it is detected). Using every month after the change makes the estimate sharper than the
 * CUSUM's last zero, which drifts early when small random excursions precede the change.
 */
const term = (a: number, e: number) => (a > 0 && e > 0 ? a * Math.log(a / e) : 0);

export function poissonChangePoint(
  actual: readonly number[],
  expected: readonly number[],
  latest = actual.length - 1
): number | null {
  const n = actual.length;
  let totalA = 0;
  let totalE = 0;
  for (let t = 0; t < n; t++) {
    totalA += actual[t] || 0;
    totalE += expected[t] || 0;
  }
  let bestTau: number | null = null;
  let best = -Infinity;
  let a1 = 0;
  let e1 = 0;
  for (let tau = 0; tau <= Math.min(latest, n - 1); tau++) {
    const a2 = totalA - a1;
    const e2 = totalE - e1;
    // tau = 0 is "no change before the window": the whole window at one ratio.
    const upward = tau === 0 ? a2 > e2 : e1 > 0 && e2 > 0 && a2 / e2 > a1 / e1;
    if (upward) {
      const ll = term(a1, e1) + term(a2, e2);
      if (ll > best + 1e-9) {
        best = ll;
        bestTau = tau;
      }
    }
    a1 += actual[tau] || 0;
    e1 += expected[tau] || 0;
  }
  return bestTau;
}
