// The catalog of analyses: every analysis page's front matter (and its prose for the full-text filter).
import {readCatalog} from "../../loaders/catalog/catalog.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

const catalog = readCatalog();
for (const problem of catalog.invalid) process.stderr.write(`catalog: left out ${problem}\n`);
await writeStdout(JSON.stringify({entries: catalog.entries}));
