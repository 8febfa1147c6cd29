// Claims drift page: windows, reference rates, seasonal factors and CUSUM settings (JSON).
import {pageMeta, preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";

const {engine, dir, snapshotDate} = await openExtracts();
const drift = await preparePage(engine, {snapshotDate, extractsDir: dir});
const meta = await pageMeta(drift, snapshotDate);
await drift.close();
await engine.close();
process.stdout.write(JSON.stringify(meta));
