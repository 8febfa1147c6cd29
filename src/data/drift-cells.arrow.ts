// Claims drift page: actual and expected claims per dimension, period grain, segment, guarantee and period (Arrow IPC).
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("drift-cells.arrow");
