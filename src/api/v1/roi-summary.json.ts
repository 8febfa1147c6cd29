// /api/v1/roi-summary.json: the data API's roi-summary dataset (declared in loaders/api/datasets.ts; its schema: schema/roi-summary.json).
import {publishApi} from "../../../loaders/api/publish.ts";

await publishApi("roi-summary", "json");
