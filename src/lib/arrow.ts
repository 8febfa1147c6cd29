/**
 * Arrow files as arquero tables, for pages and tests alike. The whole file is read at once: Arrow's streaming
 * reader stops at the end-of-stream marker and aborts the download, which the browser reports as a failed request.
 * arquero decodes the bytes itself (flechette) and keeps the columns as they are: no row objects are made.
 *
 * The caller hands over arquero's `fromArrow`. A page passes the one of `npm:arquero`, the browser build vendored by
 * scripts/vendor-npm.ts: a bare `import "arquero"` here would make Framework bundle arquero's Node entry, whose file
 * reader imports node:fs and stops the page from loading. Node code and tests pass the one of "arquero". The drift
 * helpers then only call the tables' own methods, so every page runs a single arquero.
 */
import type {ColumnTable} from "arquero";

/** Anything holding Arrow IPC bytes: a Framework FileAttachment, a fetch Response, a Blob. */
export interface ArrowSource {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** arquero's `fromArrow`, as far as this module uses it. */
export type FromArrow = (bytes: Uint8Array) => ColumnTable;

/** The Arrow IPC file (stream or file format) as an arquero table over its columns. */
export async function readArrowTable(source: ArrowSource, fromArrow: FromArrow): Promise<ColumnTable> {
  return fromArrow(new Uint8Array(await source.arrayBuffer()));
}
