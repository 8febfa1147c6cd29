/**
 * Statistical secrecy in what the build publishes: the drift page's aggregate files hold no segment that would be
 * masked in every view (largest cell under 11 insured). Reads the built files (npm test builds dist/ first).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {distDir, listFiles, requireDist} from "./dist-files.ts";

function builtArrow(prefix: string) {
  requireDist();
  const file = listFiles(distDir).find((f) => f.startsWith(`_file/data/${prefix}`) && f.endsWith(".arrow"));
  if (!file) throw new Error(`no built ${prefix}*.arrow under ${distDir}`);
  return tableFromIPC(readFileSync(join(distDir, file)))
    .toArray()
    .map((row) => row.toJSON() as Record<string, unknown>);
}

function smallSegments(rows: Record<string, unknown>[], group: (row: Record<string, unknown>) => string): string[] {
  const largest = new Map<string, number>();
  for (const row of rows) {
    const key = `${group(row)} ${row.segment}`;
    largest.set(key, Math.max(largest.get(key) ?? 0, Number(row.insured)));
  }
  return [...largest].filter(([, insured]) => insured < 11).map(([key]) => key);
}

describe("published drift aggregates", () => {
  it("the A/E cells hold no segment describing fewer than 11 insured in every cell", () => {
    const rows = builtArrow("drift-cells.");
    expect(rows.length).toBeGreaterThan(0);
    expect(smallSegments(rows, (r) => `${r.dimension}/${r.grain}`)).toEqual([]);
  });

  it("the loss-ratio cells hold no such segment either", () => {
    const rows = builtArrow("drift-loss-ratio.");
    expect(rows.length).toBeGreaterThan(0);
    expect(smallSegments(rows, (r) => String(r.dimension))).toEqual([]);
  });
});
