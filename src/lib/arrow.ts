/**
 * Arrow files as arquero tables, for pages and tests alike. The whole file is read at once: Arrow's streaming
 * reader stops at the end-of-stream marker and aborts the download, which the browser reports as a failed request.
 * arquero decodes the bytes itself (flechette) and keeps the columns as they are: no row objects are made.
 */
import {fromArrow, type ColumnTable} from "arquero";

/** Anything holding Arrow IPC bytes: a Framework FileAttachment, a fetch Response, a Blob. */
export interface ArrowSource {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The Arrow IPC file (stream or file format) as an arquero table over its columns. */
export async function readArrowTable(source: ArrowSource): Promise<ColumnTable> {
  return arrowTable(new Uint8Array(await source.arrayBuffer()));
}

/** Arrow IPC bytes as an arquero table over their columns. */
export function arrowTable(bytes: Uint8Array): ColumnTable {
  return fromArrow(bytes);
}
