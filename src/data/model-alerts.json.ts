// The delivery's model alerts alone (prepared once): what the ROI page needs to warn about the model it uses.
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("model-alerts.json");
