/**
 * The publish folder's layout, and the only operations that change it:
 *
 *   DIR/current                        symbolic link to deliveries/<name>/site, the site a web server serves
 *   DIR/deliveries/<name>/site/        a delivery's built site (<name> = <snapshot>-<fingerprint>)
 *   DIR/deliveries/<name>/figures.json its key figures, compared with the next delivery's
 *   DIR/deliveries/<name>/delivery.json what it is: name, snapshot, fingerprint, run, publication time, counts
 *   DIR/deliveries/.building-<run_id>/ a delivery being built: never pointed at, removed when abandoned
 *   DIR/runs.jsonl                     one line per run (history.ts)
 *   DIR/logs/<run_id>.log              the build's output of each run
 *
 * Publishing is a rename of the built folder, then one rename of a new link over `current`: a reader sees the old
 * site or the new one, never a mix, and a run killed at any point leaves `current` on a complete site.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync
} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {projectRoot} from "../extracts/location.ts";
import type {KeyFigures} from "./figures.ts";

export interface DeliveryRecord {
  name: string;
  snapshot_date: string;
  fingerprint: string;
  run_id: string;
  published_at: string;
  rows: {read: number; accepted: number; rejected: number};
  alerts: {new: number; continuing: number; closed: number};
}

export const CURRENT = "current";

/** The publish folder: CARNET_PUBLISH, else published/ in the project. */
export function defaultPublishDir(): string {
  return process.env.CARNET_PUBLISH ? resolve(process.env.CARNET_PUBLISH) : join(projectRoot, "published");
}
const DELIVERIES = "deliveries";
const BUILDING = ".building-";

export const deliveriesDir = (dir: string) => join(dir, DELIVERIES);
export const deliveryDir = (dir: string, name: string) => join(dir, DELIVERIES, name);
export const buildingDir = (dir: string, runId: string) => join(dir, DELIVERIES, `${BUILDING}${runId}`);

/** The published delivery's name, or null when nothing is published yet. */
export function currentDelivery(dir: string): string | null {
  try {
    // current -> deliveries/<name>/site
    return basename(dirname(readlinkSync(join(dir, CURRENT))));
  } catch {
    return null;
  }
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
}

export const deliveryRecord = (dir: string, name: string) =>
  readJson<DeliveryRecord>(join(deliveryDir(dir, name), "delivery.json"));
export const deliveryFigures = (dir: string, name: string) =>
  readJson<KeyFigures>(join(deliveryDir(dir, name), "figures.json"));

/** Published deliveries (complete folders), oldest first. */
export function listDeliveries(dir: string): DeliveryRecord[] {
  const root = deliveriesDir(dir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !name.startsWith("."))
    .map((name) => deliveryRecord(dir, name))
    .filter((record): record is DeliveryRecord => record !== null)
    .sort((a, b) => a.published_at.localeCompare(b.published_at) || a.name.localeCompare(b.name));
}

/** A free folder name for a delivery: <snapshot>-<fingerprint>, suffixed -2, -3... when rebuilt. */
export function deliveryName(dir: string, snapshot: string, fingerprint: string): string {
  const base = `${snapshot || "undated"}-${fingerprint}`;
  let name = base;
  for (let n = 2; existsSync(deliveryDir(dir, name)); n++) name = `${base}-${n}`;
  return name;
}

/** Removes what runs that died left: folders being built and links being switched. Returns what was removed. */
export function removeAbandoned(dir: string): string[] {
  const removed: string[] = [];
  const root = deliveriesDir(dir);
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    if (!name.startsWith(BUILDING)) continue;
    rmSync(join(root, name), {recursive: true, force: true});
    removed.push(join(DELIVERIES, name));
  }
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`.${CURRENT}-`)) continue;
    rmSync(join(dir, name), {force: true});
    removed.push(name);
  }
  return removed;
}

/** Moves a complete build into place and points `current` at its site, atomically. */
export function publish(dir: string, building: string, name: string, runId: string): void {
  const target = deliveryDir(dir, name);
  renameSync(building, target);
  const link = join(dir, `.${CURRENT}-${runId}`);
  rmSync(link, {force: true});
  // Relative, so the publish folder can be moved or mounted elsewhere.
  symlinkSync(join(DELIVERIES, name, "site"), link);
  renameSync(link, join(dir, CURRENT));
}

/** Keeps the `keep` most recently published deliveries (and always the current one); returns the removed names. */
export function prune(dir: string, keep: number): string[] {
  const current = currentDelivery(dir);
  const records = listDeliveries(dir);
  const old = records.slice(0, Math.max(0, records.length - keep)).filter((r) => r.name !== current);
  for (const record of old) rmSync(deliveryDir(dir, record.name), {recursive: true, force: true});
  return old.map((r) => r.name);
}

export function ensureLayout(dir: string): void {
  mkdirSync(deliveriesDir(dir), {recursive: true});
  mkdirSync(join(dir, "logs"), {recursive: true});
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
}
