// The ROI page's context: model versions, years, how expertised claims enter the backtest, defaults.
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";
import {pageContext} from "../../loaders/roi/page-data.ts";

const {engine, snapshotDate} = await openExtracts();
const context = await pageContext(engine, snapshotDate);
await engine.close();
await writeStdout(JSON.stringify(context));
