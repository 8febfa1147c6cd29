// Claims drift drill-down: claims by age band, sex and job category per segment over the window (masked < 11).
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("drift-drill-profiles.arrow");
