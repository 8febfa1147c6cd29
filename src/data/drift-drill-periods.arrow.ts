// Claims drift drill-down: claims, claimants, days paid, cost and open claims per segment and period (masked < 11).
import {DRILL_PERIOD_COLUMNS, pageDrillPeriods} from "../../loaders/drift/drill.ts";
import {preparePage} from "../../loaders/drift/page-data.ts";
import {openExtracts} from "../../loaders/extracts/open.ts";
import {writeArrow} from "../../loaders/output/arrow.ts";

const {engine, dir, snapshotDate} = await openExtracts();
const drift = await preparePage(engine, {snapshotDate, extractsDir: dir});
const periods = await pageDrillPeriods(drift);
await drift.close();
await engine.close();
await writeArrow(periods, [...DRILL_PERIOD_COLUMNS]);
