/** `npm run docs`: writes docs/data-contract.md from the contract staging enforces (loaders/extracts/contract-doc.ts). */
import {writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {dataContractMarkdown} from "../loaders/extracts/contract-doc.ts";

const target = join(resolve(import.meta.dirname, ".."), "docs", "data-contract.md");
writeFileSync(target, dataContractMarkdown());
process.stderr.write(`docs: wrote ${target}\n`);
