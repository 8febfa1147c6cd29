/**
 * A delivery's fingerprint: a digest of every file's relative path and bytes (detector runs included), so the
 * same delivery copied elsewhere or touched without change has the same fingerprint, and any changed byte gives
 * another. What `refresh --if-changed` compares with the published delivery's (the staging key, made of sizes
 * and modification times, answers another question: whether the staged tables can be reused).
 */
import {createHash} from "node:crypto";
import {createReadStream, readdirSync, statSync} from "node:fs";
import {join, relative, sep} from "node:path";

/** Files under `dir`, relative and sorted, hidden files and folders aside. */
function deliveryFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true})
    .map(String)
    .filter((rel) => !rel.split(sep).some((part) => part.startsWith(".")) && statSync(join(dir, rel)).isFile())
    .sort();
}

export async function deliveryFingerprint(dir: string, length = 12): Promise<string> {
  const hash = createHash("sha256");
  for (const rel of deliveryFiles(dir)) {
    hash.update(`${relative(dir, join(dir, rel)).split(sep).join("/")}\n`);
    for await (const chunk of createReadStream(join(dir, rel))) hash.update(chunk as Buffer);
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, length);
}
