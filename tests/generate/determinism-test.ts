import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, test} from "vitest";
import {generated} from "./fixture.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(files(dir).map((path) => [relative(dir, path), readFileSync(path)]));
}

describe("the generator is deterministic", () => {
  const first = generated(7, 0.1);
  const again = generated(7, 0.1);
  const other = generated(8, 0.1);

  test("the same seed and scale write the same files, byte for byte", () => {
    const a = snapshot(first.out);
    const b = snapshot(again.out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  });

  test("it writes every contract file, the detector runs and truth.json", () => {
    const names = [...snapshot(first.out).keys()];
    for (const file of [
      "contracts.csv",
      "insured.csv",
      "premiums.csv",
      "claims.csv",
      "expertises.csv",
      "scores.csv",
      "models.csv",
      "score_features.csv",
      "truth.json"
    ])
      expect(names).toContain(file);
    expect(names.filter((n) => n.endsWith("manifest.json"))).toHaveLength(41);
    expect(names.filter((n) => n.endsWith("predictions.csv"))).toHaveLength(41);
  });

  test("another seed gives other claims, insured and detector scores", () => {
    const a = snapshot(first.out);
    const c = snapshot(other.out);
    for (const name of ["claims.csv", "insured.csv", "expertises.csv", "score_features.csv", "truth.json"])
      expect(a.get(name)!.equals(c.get(name)!), name).toBe(false);
    const casia = [...a.keys()].find((n) => n.includes("copymove-2.0-casia") && n.endsWith("predictions.csv"))!;
    expect(a.get(casia)!.equals(c.get(casia)!)).toBe(false);
  });

  test("truth.json records the seed and scale it was generated with", () => {
    expect(JSON.parse(readFileSync(join(other.out, "truth.json"), "utf8"))).toMatchObject({seed: 8, scale: 0.1});
  });
});
