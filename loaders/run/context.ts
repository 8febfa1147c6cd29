/**
 * What a build knows of the run that started it. `carnet refresh` builds each delivery with CARNET_PUBLISH (the
 * publish folder), CARNET_RUN_ID, CARNET_DELIVERY (the folder name it will be published under) and CARNET_PREVIOUS
 * (the published delivery it is compared with, empty for the first) and CARNET_FINGERPRINT. A plain `npm run build` has none of them: its
 * site has no previous delivery and, unless CARNET_PUBLISH names a publish folder, no history.
 */
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {runsDir} from "../detectors/location.ts";
import {preparedBytes} from "../prepare/publish.ts";
import {compareFigures, type Changes} from "./compare.ts";
import {deliveryFigures, listDeliveries, type DeliveryRecord} from "./deliveries.ts";
import {withDetectors, type KeyFigures, type PreparedFigures} from "./figures.ts";
import {readRuns, type RunRecord} from "./history.ts";

export interface RunContext {
  publish: string | null;
  runId: string | null;
  delivery: string | null;
  previous: string | null;
  fingerprint: string | null;
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const publish = env.CARNET_PUBLISH ? resolve(env.CARNET_PUBLISH) : null;
  return {
    publish: publish && existsSync(publish) ? publish : null,
    runId: env.CARNET_RUN_ID || null,
    delivery: env.CARNET_DELIVERY || null,
    previous: env.CARNET_PREVIOUS || null,
    fingerprint: env.CARNET_FINGERPRINT || null
  };
}

/** This build's delivery's key figures: the prepared ones, with the detector matrix read now. */
export async function thisDeliveryFigures(): Promise<KeyFigures> {
  const prepared = JSON.parse((await preparedBytes("key-figures.json")).toString("utf8")) as PreparedFigures;
  return withDetectors(prepared, runsDir());
}

export function previousFigures(context: RunContext = runContext()): KeyFigures | null {
  return context.publish && context.previous ? deliveryFigures(context.publish, context.previous) : null;
}

export async function thisDeliveryChanges(context: RunContext = runContext()): Promise<Changes> {
  return compareFigures(await thisDeliveryFigures(), previousFigures(context));
}

export interface History {
  /** The run building this site, when a refresh builds it. */
  run_id: string | null;
  delivery: string | null;
  /** Runs before this one, oldest first. */
  runs: RunRecord[];
  /** Deliveries published before this one, oldest first. */
  deliveries: DeliveryRecord[];
}

export function history(context: RunContext = runContext()): History {
  return {
    run_id: context.runId,
    delivery: context.delivery,
    runs: context.publish ? readRuns(context.publish) : [],
    deliveries: context.publish ? listDeliveries(context.publish) : []
  };
}
