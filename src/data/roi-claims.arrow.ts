// The ROI page's backtest rows (Arrow IPC): decided, scored expertised claims of every model version, ranked.
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("roi-claims.arrow");
