// Provenance of this build for the footer of every analysis page: extract snapshot and row counts, git commit,
// build date, and each analysis page's author/status line.
import {readCatalog} from "../../loaders/catalog/catalog.ts";
import {gitVersion, provenanceRecord} from "../../loaders/catalog/provenance.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

const extracts = await openExtracts();
try {
  await writeStdout(JSON.stringify(provenanceRecord(extracts, readCatalog(), gitVersion())));
} finally {
  await extracts.engine.close();
}
