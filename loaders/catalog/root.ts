/** The project root (the folder holding package.json), found from this file so loaders work from any cwd. */
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export function projectRoot(): string {
  return resolve(here, "..", "..");
}
