/**
 * Pseudonymisation of individuals: HMAC-SHA-256 keyed by CARNET_PSEUDONYM_KEY, truncated to 16 hex digits
 * (64 bits: collisions stay below one in a million at 10M people). The hash runs inside DuckDB so 10M claims
 * never pass through a JS loop; `pseudonym()` is the Node reference the SQL is tested against.
 */
import {createHash, createHmac} from "node:crypto";
import {warn} from "../progress.ts";

/** Development key, public on purpose: anything built with it is not protected. Set CARNET_PSEUDONYM_KEY. */
export const DEVELOPMENT_KEY = "carnet-development-key-not-secret";
export const PSEUDONYM_LENGTH = 16;

let warned = false;

export function pseudonymKey(): string {
  const key = process.env.CARNET_PSEUDONYM_KEY;
  if (key) return key;
  if (!warned) {
    warn("CARNET_PSEUDONYM_KEY is not set: pseudonyms use the public development key (fine for synthetic data only)");
    warned = true;
  }
  return DEVELOPMENT_KEY;
}

export function pseudonym(value: string, key: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("hex").slice(0, PSEUDONYM_LENGTH);
}

/** A SQL expression computing the same HMAC as `pseudonym()` over a VARCHAR expression. */
export function pseudonymSql(expression: string, key: string): string {
  const block = 64;
  let keyBytes = Buffer.from(key, "utf8");
  if (keyBytes.length > block) keyBytes = createHash("sha256").update(keyBytes).digest();
  const padded = Buffer.alloc(block);
  keyBytes.copy(padded);
  const inner = Buffer.from(padded.map((b) => b ^ 0x36)).toString("hex");
  const outer = Buffer.from(padded.map((b) => b ^ 0x5c)).toString("hex");
  return `left(sha256(unhex('${outer}') || unhex(sha256(unhex('${inner}') || encode(${expression})))), ${PSEUDONYM_LENGTH})`;
}

/** A digest of the key that can be stored (cache fingerprints) without revealing it. */
export function keyFingerprint(key: string): string {
  return createHmac("sha256", key).update("carnet-cache-fingerprint").digest("hex").slice(0, 16);
}
