/**
 * The key figures of a delivery named by a folder: a published delivery (DIR/deliveries/<name>, its stored
 * figures.json) or an extract folder (prepared first when needed, as the build does).
 */
import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {CarnetError} from "../errors.ts";
import {ensurePrepared} from "../prepare/prepared.ts";
import {withDetectors, type KeyFigures, type PreparedFigures} from "./figures.ts";

export async function figuresOfFolder(dir: string, onStep?: (message: string) => void): Promise<KeyFigures> {
  dir = resolve(dir);
  if (!existsSync(dir))
    throw new CarnetError(`${dir}: no such folder (expected an extract folder or a published delivery)`);
  const stored = join(dir, "figures.json");
  if (existsSync(stored)) return JSON.parse(readFileSync(stored, "utf8")) as KeyFigures;
  const {folder} = await ensurePrepared({extracts: dir, onStep});
  const prepared = JSON.parse(readFileSync(join(folder, "key-figures.json"), "utf8")) as PreparedFigures;
  return withDetectors(
    prepared,
    process.env.CARNET_RUNS ? resolve(process.env.CARNET_RUNS) : join(dir, "detector-runs")
  );
}
