// Claims drift drill-down: claims by age band, sex and job category per segment over the window (masked < 11).
import {DRILL_PROFILE_COLUMNS, pageDrillProfiles} from "../../loaders/drift/drill.ts";
import {preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeArrow} from "../../loaders/output/arrow.ts";

const {engine, dir, snapshotDate} = await openExtracts();
const drift = await preparePage(engine, {snapshotDate, extractsDir: dir});
const profiles = await pageDrillProfiles(drift);
await drift.close();
await engine.close();
await writeArrow(profiles, [...DRILL_PROFILE_COLUMNS]);
