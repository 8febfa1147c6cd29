import {createHmac} from "node:crypto";
import {describe, expect, it} from "vitest";
import {DuckDbEngine} from "../../loaders/engine/duckdb.ts";
import {pseudonym, pseudonymSql} from "../../loaders/extracts/pseudonym.ts";
import {stageExtracts} from "../../loaders/extracts/stage.ts";
import {writeExtracts} from "./fixture.ts";

describe("pseudonymisation", () => {
  it("pseudonym(value, key) is HMAC-SHA-256 as RFC 4231 defines it (test case 2), truncated to 16 hex digits", () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(pseudonym("what do ya want for nothing?", "Jefe")).toBe("5bdcc146bf60754e");
  });

  it("the SQL expression computes the same HMAC as Node's crypto, for short, long and non-ASCII keys and values", async () => {
    const engine = await DuckDbEngine.open();
    const values = ["I1", "K000123", "Zoë-Ørsted €", ""];
    const keys = ["k", "a key of exactly sixty-four bytes, padded with this text ....!!", "a".repeat(100), "clé"];
    for (const key of keys) {
      const sql = values.map((v, i) => `${pseudonymSql(`'${v}'`, key)} AS v${i}`).join(", ");
      const [row] = await engine.all<Record<string, string>>(`SELECT ${sql}`);
      values.forEach((v, i) =>
        expect(row[`v${i}`]).toBe(createHmac("sha256", key).update(v).digest("hex").slice(0, 16))
      );
    }
    await engine.close();
  });

  it("staging replaces insured and claim ids by their keyed hash, consistently across files, and drops names and NIRs", async () => {
    const staged = await stageExtracts(writeExtracts(), "secret");
    const insured = await staged.engine.all("SELECT * FROM insured");
    expect(Object.keys(insured[0])).not.toContain("nir");
    expect(insured.map((r) => r.insured_id)).toContain(pseudonym("I1", "secret"));
    const [contract] = await staged.engine.all("SELECT * FROM contracts LIMIT 1");
    expect(Object.keys(contract)).not.toContain("employer_name");
    const joined = await staged.engine.all("SELECT count(*) AS n FROM claims JOIN insured USING (insured_id)");
    expect(joined).toEqual([{n: 4}]);
    const expertiseClaims = await staged.engine.all(
      "SELECT count(*) AS n FROM expertises JOIN claims USING (claim_id)"
    );
    expect(expertiseClaims).toEqual([{n: 2}]);
    await staged.engine.close();
  });

  it("a different key gives different pseudonyms", async () => {
    expect(pseudonym("I1", "one key")).not.toBe(pseudonym("I1", "another key"));
  });
});
