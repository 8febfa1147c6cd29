// The model-monitoring page's data: the monitoring report by month and by quarter (its contribution profile aside, in
// model-profile.arrow) and the model alerts (prepared once).
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("model-monitoring.json");
