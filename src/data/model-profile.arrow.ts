// The model-monitoring page's contribution profile (Arrow IPC): mean contribution and value of each feature by
// score band, per model version and period at both grains (period null: every period together), masked below 11.
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("model-profile.arrow");
