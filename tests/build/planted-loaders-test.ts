/**
 * A loader that publishes a direct identifier fails the dist scan, whatever its language: a Python and an R loader
 * that read the raw extract files (the mistake the helpers exist to avoid) and print a NIR, an employer name and an
 * e-mail address are run through the real `carnet loader run`, their output laid out as in dist/, and scanned.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {carnet} from "../cli/run-carnet.ts";
import {extractIdentifiers, extractsDir, extractValuesIn, identifierShapes} from "./identifier-scan.ts";

const work = mkdtempSync(join(tmpdir(), "carnet-planted-loaders-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const loaders = {
  "leak.json.py": `import csv, json, os
extracts = os.environ.get("CARNET_EXTRACTS") or os.path.join(os.environ["CARNET_HOME"], "data", "extracts")
insured = list(csv.DictReader(open(os.path.join(extracts, "insured.csv"), encoding="utf-8")))[:3]
contracts = list(csv.DictReader(open(os.path.join(extracts, "contracts.csv"), encoding="utf-8")))[:3]
json.dump([{"nir": i["nir"], "employer": c["employer_name"], "contact": "jeanne.martin@example.fr"}
           for i, c in zip(insured, contracts)], open(1, "w"))
`,
  "leak.json.R": `extracts <- Sys.getenv("CARNET_EXTRACTS", unset = file.path(Sys.getenv("CARNET_HOME"), "data", "extracts"))
insured <- read.csv(file.path(extracts, "insured.csv"), colClasses = "character")[1:3, ]
contracts <- read.csv(file.path(extracts, "contracts.csv"), colClasses = "character", encoding = "UTF-8")[1:3, ]
cat("[", paste0('{"nir":"', insured$nir, '","employer":"', contracts$employer_name,
                '","contact":"jeanne.martin@example.fr"}', collapse = ","), "]", sep = "")
`
};

describe("a loader publishing direct identifiers", () => {
  for (const [name, code] of Object.entries(loaders)) {
    test(`fails the dist scan when it is written in ${name.endsWith(".py") ? "Python" : "R"}`, () => {
      const site = join(work, name);
      mkdirSync(join(site, "_file", "data"), {recursive: true});
      const loader = join(work, name.replace("leak", `leak-${name.slice(-2)}`));
      writeFileSync(loader, code);
      const run = carnet(["loader", "run", loader, "--out", join(site, "_file", "data", "leak.json")], {
        CARNET_EXTRACTS: extractsDir
      });
      expect(run.code, run.stderr + run.stdout).toBe(0);
      const shapes = identifierShapes(site);
      expect(shapes.join("\n")).toMatch(/_file\/data\/leak\.json: NIR-shaped number \d{15}/);
      const values = extractValuesIn(site, extractIdentifiers());
      expect(values.join("\n")).toContain("_file/data/leak.json: employer name");
      expect(values.join("\n")).toMatch(/_file\/data\/leak\.json: NIR \d{15}/);
    });
  }
});
