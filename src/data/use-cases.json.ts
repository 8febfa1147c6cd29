// The use-case portfolio: identity cards of data/use-cases/ and the analyses serving each one.
import {readPortfolio} from "../../loaders/catalog/portfolio.ts";
import {writeStdout} from "../../loaders/output/arrow.ts";

await writeStdout(JSON.stringify(readPortfolio()));
