/**
 * `npm run docs`: writes what is generated from code and committed: docs/data-contract.md from the contract staging
 * enforces (loaders/extracts/contract-doc.ts), and the data API's JSON Schemas and OpenAPI document under
 * src/api/v1/ (loaders/api/schema.ts).
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {apiStaticFiles} from "../loaders/api/schema.ts";
import {dataContractMarkdown} from "../loaders/extracts/contract-doc.ts";

const root = resolve(import.meta.dirname, "..");
const files = {"docs/data-contract.md": dataContractMarkdown(), ...apiStaticFiles()};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), {recursive: true});
  writeFileSync(join(root, path), text);
  process.stderr.write(`docs: wrote ${path}\n`);
}
