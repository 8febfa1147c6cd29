// The whole detector x dataset matrix as CSV (current run of every cell, every metric unrounded), for download.
import {csvFormat} from "d3";
import {runsDir} from "../../loaders/detectors/location.ts";
import {MATRIX_COLUMNS, detectorRuns, matrixCsvRows} from "../../loaders/detectors/page-data.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

const rows = matrixCsvRows(await detectorRuns(runsDir())).map((row) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)]))
);
await writeStdout(csvFormat(rows, [...MATRIX_COLUMNS]) + "\n");
