/** docs/data-contract.md is the contract staging enforces, generated from loaders/extracts/contract.ts. */
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {dataContractMarkdown} from "../../loaders/extracts/contract-doc.ts";
import {contract} from "../../loaders/extracts/contract.ts";

const committed = readFileSync(join(resolve(import.meta.dirname, "../.."), "docs", "data-contract.md"), "utf8");

describe("docs/data-contract.md", () => {
  test("is what `npm run docs` generates from the contract (run it after changing the contract)", () => {
    expect(committed).toBe(dataContractMarkdown());
  });

  test("describes every file and column staging reads, and says which are dropped or pseudonymised", () => {
    for (const file of contract) {
      expect(committed).toContain(`## \`${file.name}.csv\``);
      for (const column of file.columns) expect(committed).toContain(`| \`${column.name}\` |`);
    }
    expect(committed).toMatch(/\| `nir` \| text \|[^\n]*\*\*dropped\*\*/);
    expect(committed).toMatch(/\| `insured_id` \| text \|[^\n]*\*\*pseudonymised\*\*/);
  });
});
