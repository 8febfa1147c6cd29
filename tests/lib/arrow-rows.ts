/**
 * Test input as the pages get it: rows written to Arrow IPC bytes by the loaders' own writer, then read back by
 * src/lib/arrow.ts into an arquero table. Tests state their cells as rows; the functions see Arrow columns.
 */
import {fromArrow, type ColumnTable} from "arquero";
import {arrowBytes} from "../../loaders/output/arrow.ts";

export function arrowRows(
  rows: readonly object[],
  columns: readonly string[] = Object.keys(rows[0] ?? {})
): ColumnTable {
  return fromArrow(arrowBytes(rows as Record<string, unknown>[], [...columns]));
}
