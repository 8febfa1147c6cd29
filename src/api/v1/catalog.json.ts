// /api/v1/catalog.json: the data API's catalog dataset (declared in loaders/api/datasets.ts; its schema: schema/catalog.json).
import {publishApi} from "../../../loaders/api/publish.ts";

await publishApi("catalog", "json");
