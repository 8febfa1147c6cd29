// /api/v1/deliveries.json: the data API's deliveries dataset (declared in loaders/api/datasets.ts; its schema: schema/deliveries.json).
import {publishApi} from "../../../loaders/api/publish.ts";

await publishApi("deliveries", "json");
