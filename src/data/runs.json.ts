// The refresh runs and published deliveries before this build (loaders/run/history.ts), for the /runs page.
import {writeStdout} from "../../loaders/output/arrow.ts";
import {history} from "../../loaders/run/context.ts";

await writeStdout(JSON.stringify(history()));
