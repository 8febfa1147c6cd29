/** A delivery's fingerprint follows its bytes, not where it lies or when its files were touched. */
import {cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {deliveryFingerprint} from "../../loaders/run/fingerprint.ts";

const work = mkdtempSync(join(tmpdir(), "carnet-fingerprint-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe("deliveryFingerprint", () => {
  const a = join(work, "a");
  mkdirSync(join(a, "detector-runs", "run1"), {recursive: true});
  writeFileSync(join(a, "claims.csv"), "claim_id\nCL1\n");
  writeFileSync(join(a, "detector-runs", "run1", "predictions.csv"), "document_id,score\nD1,0.5\n");

  test("is the same for a copy touched at another time", async () => {
    cpSync(a, join(work, "b"), {recursive: true});
    utimesSync(join(work, "b", "claims.csv"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(await deliveryFingerprint(join(work, "b"))).toBe(await deliveryFingerprint(a));
  });

  test("changes with one byte of a detector run, or a file renamed", async () => {
    const before = await deliveryFingerprint(a);
    cpSync(a, join(work, "c"), {recursive: true});
    writeFileSync(join(work, "c", "detector-runs", "run1", "predictions.csv"), "document_id,score\nD1,0.6\n");
    expect(await deliveryFingerprint(join(work, "c"))).not.toBe(before);
    cpSync(a, join(work, "d"), {recursive: true});
    cpSync(join(work, "d", "claims.csv"), join(work, "d", "claims2.csv"));
    rmSync(join(work, "d", "claims.csv"));
    expect(await deliveryFingerprint(join(work, "d"))).not.toBe(before);
  });

  test("ignores hidden files", async () => {
    cpSync(a, join(work, "e"), {recursive: true});
    writeFileSync(join(work, "e", ".DS_Store"), "x");
    expect(await deliveryFingerprint(join(work, "e"))).toBe(await deliveryFingerprint(a));
  });
});
