// The extract folder in use and its row accounting, for the home and data-quality pages.
import {openExtracts} from "../../loaders/extracts/open.ts";
import {summariseExtracts} from "../../loaders/extracts/summary.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

const extracts = await openExtracts();
const summary = await summariseExtracts(extracts);
await extracts.engine.close();
await writeStdout(JSON.stringify(summary));
