// /api/v1/alerts.csv: the data API's alerts dataset (declared in loaders/api/datasets.ts; its schema: schema/alerts.json).
import {publishApi} from "../../../loaders/api/publish.ts";

await publishApi("alerts", "csv");
