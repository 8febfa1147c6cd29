// Claims drift page: loss ratio S/P per dimension, segment and accident year (Arrow IPC).
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("drift-loss-ratio.arrow");
