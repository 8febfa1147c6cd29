// /api/v1/detectors.csv: the data API's detectors dataset (declared in loaders/api/datasets.ts; its schema: schema/detectors.json).
import {publishApi} from "../../../loaders/api/publish.ts";

await publishApi("detectors", "csv");
