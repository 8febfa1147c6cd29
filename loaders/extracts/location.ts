import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** The project root, found from this file so loaders work whatever the working directory. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The extract folder in use: CARNET_EXTRACTS, else the embedded default data/extracts. */
export function extractsDir(): string {
  const configured = process.env.CARNET_EXTRACTS;
  return configured ? resolve(configured) : resolve(projectRoot, "data/extracts");
}

/** Where staged (validated, pseudonymised) tables are cached between loader runs. */
export function cacheDir(): string {
  const configured = process.env.CARNET_CACHE;
  return configured ? resolve(configured) : resolve(projectRoot, ".carnet-cache");
}
