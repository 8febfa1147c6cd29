// The value report's figures: identity cards plus the ROI and drift figures prepared once for the delivery.
import {readUseCases} from "../../loaders/catalog/use-cases.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";
import {preparedBytes} from "../../loaders/prepare/publish.ts";
import {valueReportFrom, type ValueInputs} from "../../loaders/prepare/value-inputs.ts";

const inputs = JSON.parse((await preparedBytes("value-inputs.json")).toString("utf8")) as ValueInputs;
await writeStdout(JSON.stringify(valueReportFrom(inputs, readUseCases())));
