// Claims drift page: windows, reference rates, seasonal factors and CUSUM settings (JSON).
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("drift-meta.json");
