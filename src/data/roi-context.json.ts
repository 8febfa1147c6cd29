// The ROI page's context: model versions, years, how expertised claims enter the backtest, defaults.
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("roi-context.json");
