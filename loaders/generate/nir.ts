/**
 * Fake but well-shaped French social-security numbers (NIR): sex digit, birth year and month, département,
 * commune and order number (13 digits), then the 2-digit key 97 - (number mod 97). They exist only so tests can
 * check that direct identifiers are dropped downstream; none is a real person's.
 */
import type {Rng} from "./random.ts";

export function fakeNir(rng: Rng, female: boolean, birthYear: number, birthMonth: number, department: string): string {
  const body =
    (female ? "2" : "1") +
    String(birthYear % 100).padStart(2, "0") +
    String(birthMonth).padStart(2, "0") +
    department.padStart(2, "0").slice(0, 2) +
    String(rng.int(1, 999)).padStart(3, "0") +
    String(rng.int(1, 999)).padStart(3, "0");
  const key = 97 - (Number(body) % 97);
  return body + String(key).padStart(2, "0");
}
