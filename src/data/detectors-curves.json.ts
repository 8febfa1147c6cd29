// ROC and precision-recall points (at most 200 each) per detector run, loaded when a matrix cell is opened.
import {runsDir} from "../../loaders/detectors/location.ts";
import {detectorRuns, pageCurves} from "../../loaders/detectors/page-data.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

await writeStdout(JSON.stringify(pageCurves(await detectorRuns(runsDir()))));
