// /api/v1/drift-segments.json: the data API's drift-segments dataset (declared in loaders/api/datasets.ts; its schema: schema/drift-segments.json).
import {publishApi} from "../../../loaders/api/publish.ts";

await publishApi("drift-segments", "json");
