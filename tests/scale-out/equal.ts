/**
 * Equality of loader outputs across engines: same keys, same order, strings and integers exact, non-integer
 * numbers within 1e-9 relative (sums are added up in another order on a cluster). Returns the first
 * difference as a readable path, or null.
 */
export function firstDifference(a: unknown, b: unknown, path = "$", tolerance = 1e-9): string | null {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) < 2 ** 31 && a === b) return null;
    if (a === b) return null;
    const scale = Math.max(Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= tolerance * scale ? null : `${path}: ${a} != ${b}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: array vs ${typeof (Array.isArray(a) ? b : a)}`;
    if (a.length !== b.length) return `${path}: length ${a.length} != ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`, tolerance);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) return `${path}: keys ${ka.join(",")} != ${kb.join(",")}`;
    for (const k of ka) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
        tolerance
      );
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) || a === b ? null : `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
}
