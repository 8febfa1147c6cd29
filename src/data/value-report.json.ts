// The value report's figures: identity cards plus the ROI and drift loaders' figures on the extract folder.
import {readUseCases} from "../../loaders/catalog/use-cases.ts";
import {computeValueReport} from "../../loaders/catalog/value/compute.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

const extracts = await openExtracts();
try {
  await writeStdout(JSON.stringify(await computeValueReport(extracts, readUseCases())));
} finally {
  await extracts.engine.close();
}
