/**
 * DuckDB past its memory limit throws a long multi-line error. A loader that hits it should say, in one line,
 * which step ran out, what the limit was and how to raise it (CARNET_DUCKDB_MEMORY), and end with exit 2 like
 * any CarnetError (loader-errors.ts): the reader then knows what to change without reading a stack trace.
 */
import {CarnetError} from "../errors.ts";
import type {DuckDbEngine} from "./duckdb.ts";

export function isOutOfMemory(error: unknown): boolean {
  return /out of memory|memory limit/i.test(String((error as Error)?.message ?? error));
}

/** Runs `work`; a DuckDB out-of-memory error becomes one CarnetError naming `step` and the limit. */
export async function withinMemory<T>(engine: DuckDbEngine, step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // An inner step already named itself: keep its line rather than the outer step's.
    if (error instanceof CarnetError || !isOutOfMemory(error)) throw error;
    const [setting] = await engine
      .all<{limit: string}>(`SELECT current_setting('memory_limit') AS limit`)
      .catch(() => [{limit: "unknown"}]);
    throw new CarnetError(
      `${step}: DuckDB ran out of memory (memory limit ${setting?.limit ?? "unknown"}); raise CARNET_DUCKDB_MEMORY (e.g. CARNET_DUCKDB_MEMORY=8GB)`
    );
  }
}
