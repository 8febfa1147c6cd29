/**
 * The data API's contract with other tools: every file published under dist/api/v1/ validates against its JSON
 * Schema (ajv, draft 2020-12); the CSVs hold the JSON's rows under the declared header; the committed schemas and
 * OpenAPI document are current (`npm run docs`); and no schema changes without its version changing: a schema's
 * digest is recorded per version in tests/api/schema-lock.json.
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {Ajv2020} from "ajv/dist/2020.js";
import {csvParse} from "d3";
import {describe, expect, test} from "vitest";
import {datasets} from "../../loaders/api/datasets.ts";
import {apiStaticFiles, documentSchema} from "../../loaders/api/schema.ts";
import {distDir, requireDist} from "../build/dist-files.ts";

const root = resolve(import.meta.dirname, "../..");
const lock = JSON.parse(readFileSync(join(import.meta.dirname, "schema-lock.json"), "utf8")) as Record<
  string,
  {version: string; digest: string}
>;

/** A digest of a schema's content, key order aside. */
function digest(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])])
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex")
    .slice(0, 16);
}

describe("the data API", () => {
  /** A fresh validator each time: one Ajv refuses a second schema with the same $id. */
  const newAjv = () => new Ajv2020({allErrors: true, strict: true, keywords: ["x-version"]});
  const ajv = {
    compile: (schema: object) => newAjv().compile(schema),
    errorsText: (errors: unknown) => newAjv().errorsText(errors as never)
  };

  for (const spec of datasets) {
    for (const format of spec.formats) {
      test(`publishes /api/v1/${spec.name}.${format} valid against its schema`, () => {
        requireDist();
        const path = join(distDir, "api", "v1", `${spec.name}.${format}`);
        const published = JSON.parse(readFileSync(join(distDir, "api", "v1", "schema", `${spec.name}.json`), "utf8"));
        const validate = ajv.compile(published);
        const json = JSON.parse(readFileSync(join(distDir, "api", "v1", `${spec.name}.json`), "utf8"));
        expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
        if (format === "csv") {
          const csv = csvParse(readFileSync(path, "utf8"));
          expect(csv.columns).toEqual(spec.columns.map((c) => c.name));
          expect(csv.length).toBe(json.data.length);
          const first = json.data[0];
          if (first)
            for (const c of spec.columns)
              expect(csv[0][c.name]).toBe(first[c.name] === null ? "" : String(first[c.name]));
        }
      });
    }
  }

  test("refuses a row with a field its schema does not declare", () => {
    const validate = ajv.compile(documentSchema(datasets[0]));
    const json = JSON.parse(readFileSync(join(distDir, "api", "v1", `${datasets[0].name}.json`), "utf8"));
    json.data = [{...json.data[0], surprise: 1}];
    expect(validate(json)).toBe(false);
  });

  test("commits the schemas and the OpenAPI document that `npm run docs` writes", () => {
    for (const [path, text] of Object.entries(apiStaticFiles()))
      expect(readFileSync(join(root, path), "utf8"), path).toBe(text);
  });

  test("describes every file in one OpenAPI 3.1 document", () => {
    const openapi = JSON.parse(readFileSync(join(distDir, "api", "v1", "openapi.json"), "utf8"));
    expect(openapi.openapi).toBe("3.1.0");
    const paths = datasets.flatMap((d) => d.formats.map((f) => `/api/v1/${d.name}.${f}`));
    expect(Object.keys(openapi.paths).sort()).toEqual(paths.sort());
    for (const d of datasets) expect(ajv.compile(openapi.components.schemas[d.name])).toBeTypeOf("function");
  });

  for (const spec of datasets) {
    test(`changes the ${spec.name} schema only with a new version recorded in tests/api/schema-lock.json`, () => {
      const recorded = lock[spec.name];
      const now = digest(documentSchema(spec));
      expect(
        recorded,
        `${spec.name}: not in tests/api/schema-lock.json; add {"version": "${spec.version}", "digest": "${now}"}`
      ).toBeDefined();
      if (recorded.version === spec.version)
        expect(
          now,
          `${spec.name} ${spec.version}: a published field changed without a new version; bump its version in loaders/api/datasets.ts`
        ).toBe(recorded.digest);
      else
        expect.fail(
          `${spec.name}: version ${recorded.version} -> ${spec.version}: record it in tests/api/schema-lock.json as {"version": "${spec.version}", "digest": "${now}"}`
        );
    });
  }
});
