// Detector runs for the /detectors page: every accepted run's metrics and manifest, plus problems found.
import {runsDir} from "../../loaders/detectors/location.ts";
import {detectorRuns, pageData} from "../../loaders/detectors/page-data.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

await writeStdout(JSON.stringify(pageData(await detectorRuns(runsDir()))));
