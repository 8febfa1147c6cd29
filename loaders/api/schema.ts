/**
 * The API's JSON Schemas (draft 2020-12, one per dataset: the JSON envelope and its rows) and its OpenAPI 3.1
 * document, made from the dataset declarations (datasets.ts). `npm run docs` writes them under src/api/v1/ as
 * static files every site publishes; a test checks they are current.
 */
import {API_PREFIX, datasets, type ApiColumn, type ApiDataset} from "./datasets.ts";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";

function columnSchema(column: ApiColumn): Record<string, unknown> {
  const base: Record<string, unknown> = column.schema
    ? {...column.schema}
    : {type: column.nullable ? [column.type, "null"] : column.type};
  if (column.enum) base.enum = column.nullable ? [...column.enum, null] : [...column.enum];
  return {description: column.description, ...base};
}

/** The schema of one row: every declared column, nothing else. */
export function rowSchema(spec: ApiDataset): Record<string, unknown> {
  return {
    type: "object",
    additionalProperties: false,
    required: spec.columns.map((c) => c.name),
    properties: Object.fromEntries(spec.columns.map((c) => [c.name, columnSchema(c)]))
  };
}

/** The schema of the JSON file: the envelope and its rows. */
export function documentSchema(spec: ApiDataset): Record<string, unknown> {
  return {
    $schema: DIALECT,
    $id: `${API_PREFIX}/schema/${spec.name}.json`,
    title: spec.title,
    description: spec.description,
    "x-version": spec.version,
    type: "object",
    additionalProperties: false,
    required: ["dataset", "schema_version", "schema", "snapshot_date", "delivery", "data"],
    properties: {
      dataset: {const: spec.name},
      schema_version: {const: spec.version, description: "Semantic version of this schema"},
      schema: {const: `${API_PREFIX}/schema/${spec.name}.json`},
      snapshot_date: {type: ["string", "null"], description: "The delivery's data as of, YYYY-MM-DD"},
      delivery: {
        type: ["string", "null"],
        description: "The delivery's folder name when a refresh built the site, else null"
      },
      data: {type: "array", items: rowSchema(spec)}
    }
  };
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const spec of datasets) {
    for (const format of spec.formats) {
      paths[`${API_PREFIX}/${spec.name}.${format}`] = {
        get: {
          operationId: `${spec.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}${format.toUpperCase()}`,
          summary: `${spec.title} (${format.toUpperCase()})`,
          description: spec.description,
          tags: [spec.name],
          responses: {
            "200": {
              description: format === "json" ? "The dataset in its envelope" : "The rows, one per line, empty = null",
              content:
                format === "json"
                  ? {"application/json": {schema: {$ref: `#/components/schemas/${spec.name}`}}}
                  : {"text/csv": {schema: {type: "string"}}}
            }
          }
        }
      };
    }
  }
  const schemas = Object.fromEntries(
    datasets.map((spec) => {
      const {$schema: _dialect, $id: _id, ...schema} = documentSchema(spec);
      return [spec.name, schema];
    })
  );
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: DIALECT,
    info: {
      title: "Carnet data API",
      version: "1",
      description:
        "Static files published with every build of the Carnet site, under /api/v1/. Aggregates only: figures describing fewer than 11 insured are masked (null) or left out. Each dataset carries its own semantic schema_version."
    },
    paths,
    components: {schemas}
  };
}

/** Every file `npm run docs` writes, by path relative to the project root. */
export function apiStaticFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const spec of datasets) files[`src${API_PREFIX}/schema/${spec.name}.json`] = json(documentSchema(spec));
  files[`src${API_PREFIX}/openapi.json`] = json(openApiDocument());
  return files;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
