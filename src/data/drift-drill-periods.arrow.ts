// Claims drift drill-down: claims, claimants, days paid, cost and open claims per segment and period (masked < 11).
import {publishPrepared} from "../../loaders/prepare/publish.ts";

await publishPrepared("drift-drill-periods.arrow");
