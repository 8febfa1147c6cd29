// The extract folder in use and its row accounting (extract files and detector runs), for the home and
// data-quality pages.
import {existsSync} from "node:fs";
import {checkDetectorRuns} from "../../loaders/detectors/check.ts";
import {runsDir} from "../../loaders/detectors/location.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {summariseExtracts} from "../../loaders/extracts/summary.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

const extracts = await openExtracts();
const summary = await summariseExtracts(extracts);
await extracts.engine.close();
const runs = existsSync(runsDir()) ? await checkDetectorRuns() : undefined;
const detector_runs = runs && {
  files: runs.files,
  rejects: runs.rejects.slice(0, 2_000),
  rejected_runs: runs.rejectedRuns
};
await writeStdout(JSON.stringify({...summary, detector_runs}));
