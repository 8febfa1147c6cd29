import {describe, expect, test} from "vitest";
import {findIdentifier, findNir, nirKey} from "./identifiers.ts";

describe("direct identifier recognisers", () => {
  test("nirKey is 97 minus the number modulo 97: 1841276451089 = 97 × 18982231454 + 51, so its key is 46", () => {
    expect(nirKey("1841276451089")).toBe(46);
  });

  test("a 15-digit NIR with its right key is found, with a wrong key it is not", () => {
    expect(findNir("id,184127645108946,x")).toBe("184127645108946");
    expect(findNir("id,184127645108947,x")).toBeUndefined();
  });

  test("a bare 13-digit NIR body is found, but not inside a decimal nor as Framework's lastModified time stamp", () => {
    expect(findNir('"nir":"1841276451089"')).toBe("1841276451089");
    expect(findNir("0.1841276451089")).toBeUndefined();
    expect(findNir('"claim_id":"f1841276451089ab"')).toBeUndefined();
    expect(findNir('{"name":"x.csv","lastModified":1795608088035,"size":12}')).toBeUndefined();
  });

  test("IBANs, e-mail addresses and French phone numbers are found in their usual spellings", () => {
    expect(findIdentifier("iban FR76 3000 6000 0112 3456 7890 189")).toBe("IBAN FR76 3000 6000 0112 3456 7890 189");
    expect(findIdentifier("FR7630006000011234567890189")).toBe("IBAN FR7630006000011234567890189");
    expect(findIdentifier("write to jeanne.martin@example.fr today")).toBe("e-mail address jeanne.martin@example.fr");
    expect(findIdentifier("tel 06 12 34 56 78")).toBe("French phone number 06 12 34 56 78");
    expect(findIdentifier("tel +33 6 12 34 56 78")).toBe("French phone number +33 6 12 34 56 78");
    expect(findIdentifier("tel 01.23.45.67.89")).toBe("French phone number 01.23.45.67.89");
  });

  test("dates on consecutive lines are not a phone number, mixed separators neither", () => {
    expect(findIdentifier("2021-01-01\n2021-02-01")).toBeUndefined();
    expect(findIdentifier("06 12.34-56 78")).toBeUndefined();
  });

  test("with contact details off (library code), e-mail addresses pass but NIRs are still found", () => {
    expect(findIdentifier("(c) someone@example.com", {contactDetails: false})).toBeUndefined();
    expect(findIdentifier("nir 184127645108946", {contactDetails: false})).toBe("NIR-shaped number 184127645108946");
  });

  test("library-like text is not mistaken for identifiers", () => {
    expect(findIdentifier('import "../d3@7.9.2/_esm.js"; const x = 0.6681339712918; id = "CT000001"')).toBeUndefined();
  });
});
