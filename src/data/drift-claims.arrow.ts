// Claims drift page: one row per claim for the in-browser drill-down (pseudonymised ids, no direct identifier).
import {CLAIM_COLUMNS, pageClaims, preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeArrow} from "../../loaders/output/arrow.ts";

const {engine, dir, snapshotDate} = await openExtracts();
const drift = await preparePage(engine, {snapshotDate, extractsDir: dir});
const rows = await pageClaims(drift);
await drift.close();
await engine.close();
await writeArrow(rows, [...CLAIM_COLUMNS]);
