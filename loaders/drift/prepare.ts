/**
 * Prepares a drift analysis on any engine: the analysis and reference windows, then the working tables
 * (exposure, claim facts, reference rates, seasonal factors) in a DriftWorkspace that every later query (A/E
 * cells, loss ratio, drill-down rows) reads. The caller closes the workspace when done.
 */
import type {Engine} from "../engine/engine.ts";
import {stageDrift} from "./sql.ts";
import type {DriftSetup, PrepareOptions} from "./window.ts";
import type {DriftWorkspace} from "./workspace.ts";

export {defaultReference, tables} from "./window.ts";
export type {DriftSetup, DriftWorkspace, PrepareOptions};

export function prepareDrift(engine: Engine, options: PrepareOptions = {}): Promise<DriftWorkspace> {
  return stageDrift(engine, options);
}

/** Prepares a workspace, runs `work` over it and closes it, whatever `work` does. */
export async function withDrift<T>(
  engine: Engine,
  options: PrepareOptions,
  work: (drift: DriftWorkspace) => Promise<T>
): Promise<T> {
  const drift = await prepareDrift(engine, options);
  try {
    return await work(drift);
  } finally {
    await drift.close();
  }
}
