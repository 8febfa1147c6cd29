/**
 * Recognisers for direct identifiers (French NIR, IBAN, e-mail address, French phone number) in published text.
 * Used by no-identifiers-test.ts on everything under dist/.
 */

/**
 * NIR-shaped: 13 digits starting with 1 or 2, optionally followed by the 2-digit key, standing alone: not part of a
 * decimal, nor of a longer word such as a 16-hex-digit pseudonym (one in ~2,500 holds a run of 13 digits).
 */
const NIR_SHAPE = /(?<![\dA-Za-z.])[12]\d{12}(?:\d{2})?(?![\dA-Za-z]|\.\d)/g;

/** The NIR key: 97 - (13-digit number mod 97). */
export function nirKey(body: string): number {
  return 97 - Number(BigInt(body) % 97n);
}

/**
 * A NIR in `text`, or undefined. A 15-digit number counts when its key is right (a random 15-digit number passes
 * 1 time in 97); a 13-digit number always counts, except Framework's own file time stamps (`"lastModified":` + ms
 * since 1970, which are 13 digits starting with 1 until 2033).
 */
export function findNir(text: string): string | undefined {
  for (const match of text.matchAll(NIR_SHAPE)) {
    const digits = match[0];
    if (digits.length === 15 && nirKey(digits.slice(0, 13)) !== Number(digits.slice(13))) continue;
    if (digits.length === 13 && /"lastModified":\s*$/.test(text.slice(Math.max(0, match.index! - 20), match.index)))
      continue;
    return digits;
  }
  return undefined;
}

/** French IBAN: FR, 2 check digits, 23 characters (bank, branch, account, key), printed grouped by 4 or not. */
export const IBAN = /\bFR\d{2}(?:[ ]?[0-9A-Z]{4}){5}[ ]?[0-9A-Z]{3}\b/;

/** An e-mail address (a domain with a letter TLD, so npm-style "d3@7.9.2/x.js" is not one). */
export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;

/**
 * A French phone number: 0X XX XX XX XX or +33 X XX XX XX XX, pairs separated by the same space, dot or dash
 * throughout, or by nothing (so two dates on consecutive lines, "…-01-01\n2021-02", are not one).
 */
export const FRENCH_PHONE = /(?<![\w+.-])(?:\+33 ?|0)[1-9]([ .-]?)\d{2}(?:\1\d{2}){3}(?![\w-]|\.\d)/;

/**
 * The first direct identifier in `text`, named by kind, or undefined. `contactDetails: false` skips e-mail addresses
 * and phone numbers: for library code bundled from node_modules, whose licence comments name their authors.
 */
export function findIdentifier(
  text: string,
  {contactDetails = true}: {contactDetails?: boolean} = {}
): string | undefined {
  const nir = findNir(text);
  if (nir) return `NIR-shaped number ${nir}`;
  const patterns = [
    ["IBAN", IBAN],
    ...(contactDetails
      ? ([
          ["e-mail address", EMAIL],
          ["French phone number", FRENCH_PHONE]
        ] as const)
      : [])
  ] as const;
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(text);
    if (match) return `${kind} ${match[0]}`;
  }
  return undefined;
}
