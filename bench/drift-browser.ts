/** `tsx bench/drift-browser.ts DIST`: the drift page of a built site in Chromium (bench/drift.ts), as one JSON line. */
import {browserDrift} from "./drift.ts";

process.stdout.write(`${JSON.stringify(await browserDrift(process.argv[2]!))}\n`);
