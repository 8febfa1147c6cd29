// Claims drift page: actual and expected claims per dimension, period grain, segment, guarantee and period (Arrow IPC).
import {CELL_COLUMNS, pageCells, preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeArrow} from "../../loaders/output/arrow.ts";

const {engine, dir, snapshotDate} = await openExtracts();
const drift = await preparePage(engine, {snapshotDate, extractsDir: dir});
const rows = await pageCells(drift);
await drift.close();
await engine.close();
await writeArrow(rows, [...CELL_COLUMNS]);
