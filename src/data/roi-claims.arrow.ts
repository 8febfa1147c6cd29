// The ROI page's backtest rows (Arrow IPC): decided, scored expertised claims of every model version, ranked.
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeArrow} from "../../loaders/output/arrow.ts";
import {PAGE_CLAIM_COLUMNS, pageClaims} from "../../loaders/roi/page-data.ts";

const {engine} = await openExtracts();
const rows = await pageClaims(engine);
await engine.close();
await writeArrow(rows, [...PAGE_CLAIM_COLUMNS]);
