import {describe, expect, it} from "vitest";
import {publicReason} from "../../loaders/extracts/public-rejects.ts";

describe("publicReason(reject)", () => {
  it("masks the value of a pseudonymised column quoted in a broken reference", () => {
    expect(
      publicReason({column: "insured_id", reason: 'insured_id "I9" not found among accepted rows of insured'})
    ).toBe('insured_id "[masked]" not found among accepted rows of insured');
  });

  it("masks a duplicate claim id but keeps a duplicate contract id, which names no person", () => {
    expect(publicReason({column: "claim_id", reason: 'duplicate key claim_id "K1" (first at line 2)'})).toBe(
      'duplicate key claim_id "[masked]" (first at line 2)'
    );
    expect(publicReason({column: "contract_id", reason: 'duplicate key contract_id "C1" (first at line 2)'})).toBe(
      'duplicate key contract_id "C1" (first at line 2)'
    );
  });

  it("keeps a harmless bad value, which tells IT what to fix", () => {
    expect(
      publicReason({column: "guarantee", reason: 'expected one of incapacity, disability, death, got "flu"'})
    ).toContain('got "flu"');
  });

  it("masks a NIR, an e-mail, an IBAN and a phone number wherever they appear", () => {
    const reason = publicReason({
      column: "sector_naf",
      reason: 'got "1 85 02 75 123 456 12 jean.dupont@example.fr FR76 3000 6000 0112 3456 7890 189 06 12 34 56 78"'
    });
    expect(reason).not.toMatch(/85 02 75|dupont|3000 6000|12 34 56/);
  });
});
