/**
 * The key a staged delivery is cached under (open.ts) and the work derived from it too (prepare/prepared.ts): the
 * folder, its files' names, sizes and modification times, the pseudonym key (as a digest) and the staging code
 * version, so any change re-stages. Computed from the files alone, without opening DuckDB.
 */
import {createHash} from "node:crypto";
import {readdirSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {extractsDir} from "./location.ts";
import {keyFingerprint, pseudonymKey} from "./pseudonym.ts";

/** Bump when staging changes what it writes, so old caches are not reused. */
const STAGE_VERSION = "2";

export function fingerprint(dir: string, key: string): string {
  const hash = createHash("sha256").update(`${STAGE_VERSION}\n${dir}\n${keyFingerprint(key)}\n`);
  for (const name of readdirSync(dir).sort()) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) hash.update(`${name}\t${stat.size}\t${stat.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 24);
}

/** The staging key of an extract folder on the embedded engine, from the files alone. */
export function stagingKeyOf(dir = extractsDir()): string {
  return fingerprint(resolve(dir), pseudonymKey());
}
