// What changed since the previously published delivery (the home page's first section): new, continuing and closed
// alerts, the segments whose A/E moved most, the ROI optimum per model version, detector cells that changed, files
// whose rejects grew (loaders/run/).
import {writeStdout} from "../../loaders/output/arrow.ts";
import {runContext, thisDeliveryChanges} from "../../loaders/run/context.ts";

const context = runContext();
const changes = await thisDeliveryChanges(context);
await writeStdout(JSON.stringify({delivery: context.delivery, previous_delivery: context.previous, ...changes}));
