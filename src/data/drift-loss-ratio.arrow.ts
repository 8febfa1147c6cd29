// Claims drift page: loss ratio S/P per dimension, segment and accident year (Arrow IPC).
import {LOSS_RATIO_COLUMNS, pageLossRatio, preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeArrow} from "../../loaders/output/arrow.ts";

const {engine, dir, snapshotDate} = await openExtracts();
const drift = await preparePage(engine, {snapshotDate, extractsDir: dir});
const rows = await pageLossRatio(drift);
await drift.close();
await engine.close();
await writeArrow(rows, [...LOSS_RATIO_COLUMNS]);
