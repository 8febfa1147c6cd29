/**
 * The data API: stable, versioned files every built site publishes under /api/v1/, for other tools (a BI tool, a
 * ticketing relay, another use case's pipeline). Each dataset is declared once here: its columns (types, nullability,
 * meaning), its version, and how its rows are read; the JSON Schemas, the OpenAPI document (schema.ts), the CSV
 * header and the /api page all come from these declarations.
 *
 * Versioning: a dataset's `version` is semantic. Changing a published field (name, type, nullability, meaning)
 * needs a new version; tests/api/schema-lock.json records the schema each version was published with, and a test
 * fails when a schema changes under the same version.
 */
import {readCatalog} from "../catalog/catalog.ts";
import {rowTotals} from "../extracts/validate.ts";
import {alertFeed} from "../run/compare.ts";
import {history, previousFigures, runContext, thisDeliveryChanges, thisDeliveryFigures} from "../run/context.ts";
import {alertId, type SegmentFigure} from "../run/figures.ts";

export type ColumnType = "string" | "number" | "integer" | "boolean";

export interface ApiColumn {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  enum?: readonly string[];
  description: string;
  /** A JSON Schema for a structured value (JSON only; such a dataset has no CSV). */
  schema?: Record<string, unknown>;
}

export interface ApiDataset {
  name: string;
  title: string;
  description: string;
  version: string;
  formats: readonly ("json" | "csv")[];
  columns: readonly ApiColumn[];
  rows(): Promise<Record<string, unknown>[]>;
}

export const API_PREFIX = "/api/v1";

const dimensionEnum = ["contract", "sector", "region", "age_band", "job_category", "guarantee"] as const;
const alertDimensionEnum = [...dimensionEnum, "model"] as const;

const alertColumns: ApiColumn[] = [
  {
    name: "id",
    type: "string",
    description: "Stable identifier: the same dimension, guarantee and segment keep it across deliveries"
  },
  {
    name: "dimension",
    type: "string",
    enum: alertDimensionEnum,
    description: 'Segment dimension of a drift alert, or "model" for an alert on the abuse-score model'
  },
  {name: "guarantee", type: "string", description: 'Guarantee monitored ("all" for the guarantee dimension)'},
  {
    name: "segment",
    type: "string",
    description:
      "Segment (contract id, NAF code, region, age band, job category or guarantee); for a model alert the model version, or version/feature"
  },
  {name: "onset", type: "string", description: "Estimated first month of the drift, YYYY-MM"},
  {
    name: "signal",
    type: "string",
    nullable: true,
    description: "First month the CUSUM passed its threshold, YYYY-MM; null for a funnel-only alert"
  },
  {
    name: "reason",
    type: "string",
    enum: ["cusum", "funnel", "cusum+funnel", "score_psi", "feature_psi", "auc", "calibration"],
    description:
      "What raised the alert: the drift's CUSUM and/or funnel; for a model, its score's or a feature's PSI, its AUC, its calibration slope"
  },
  {
    name: "actual",
    type: "number",
    nullable: true,
    description: "Claims since the onset (null: masked, fewer than 11 insured)"
  },
  {name: "expected", type: "number", nullable: true, description: "Expected claims since the onset (null: masked)"},
  {
    name: "ae",
    type: "number",
    nullable: true,
    description: "actual / expected since the onset (null: masked or undefined)"
  },
  {
    name: "excess_claims",
    type: "number",
    nullable: true,
    description: "actual - expected since the onset (null: masked)"
  },
  {
    name: "excess_cost_eur",
    type: "number",
    nullable: true,
    description: "Excess claims x the segment's mean claim cost since the onset, euros (null: masked)"
  },
  {
    name: "masked",
    type: "boolean",
    description: "True when the alert describes fewer than 11 insured: its figures are withheld"
  },
  {
    name: "message",
    type: "string",
    nullable: true,
    description:
      "For a model alert, what to look at (actual = the figure that raised it, expected = its threshold or the validation AUC); null for a drift alert"
  },
  {
    name: "status",
    type: "string",
    enum: ["new", "continuing", "closed"],
    description: "Relative to the previously published delivery; closed alerts keep their last figures"
  }
];

const segmentColumns: ApiColumn[] = [
  {name: "dimension", type: "string", enum: dimensionEnum, description: "Segment dimension"},
  {name: "guarantee", type: "string", description: "Guarantee (incapacity for every dimension but guarantee)"},
  {name: "segment", type: "string", description: "Segment"},
  {name: "exposure_years", type: "number", description: "Insured-years exposed over the analysis window"},
  {name: "actual", type: "number", description: "Claims over the window"},
  {
    name: "expected",
    type: "number",
    description:
      "Expected claims over the window (reference rates x exposure, seasonality, the segment's own reference level)"
  },
  {name: "ae", type: "number", nullable: true, description: "actual / expected (null when nothing was expected)"},
  {
    name: "ae_low",
    type: "number",
    nullable: true,
    description: "Lower bound of the exact 95% interval of A/E (Garwood)"
  },
  {name: "ae_high", type: "number", nullable: true, description: "Upper bound of the exact 95% interval of A/E"},
  {
    name: "alert_status",
    type: "string",
    enum: ["none", "new", "continuing"],
    description: "Whether the segment is alerted in this delivery, and since when"
  }
];

const detectorColumns: ApiColumn[] = [
  ...["run_id", "detector", "detector_version", "dataset", "dataset_version"].map((name): ApiColumn => ({
    name,
    type: "string",
    description: `Run manifest's ${name}`
  })),
  {name: "n", type: "integer", description: "Documents scored"},
  {name: "positives", type: "integer", description: "Forged documents among them"},
  ...["auc", "average_precision", "precision", "recall", "f1", "accuracy"].map((name): ApiColumn => ({
    name,
    type: "number",
    nullable: true,
    description: `${name} (null when undefined, e.g. one class only)`
  })),
  {name: "threshold", type: "number", nullable: true, description: "Decision threshold of the run"},
  ...["tp", "fp", "tn", "fn"].map((name): ApiColumn => ({
    name,
    type: "integer",
    nullable: true,
    description: `Confusion matrix: ${name}`
  })),
  {
    name: "decision_source",
    type: "string",
    nullable: true,
    description: "Where the decisions come from (the detector's or the threshold's)"
  },
  {name: "code_commit", type: "string", nullable: true, description: "Detector code commit"},
  {name: "started_at", type: "string", nullable: true, description: "Run start, ISO 8601"},
  {name: "rows_rejected", type: "integer", description: "Prediction rows rejected when the run was read"}
];

const countsSchema = (names: readonly string[]) => ({
  type: ["object", "null"],
  additionalProperties: false,
  required: [...names],
  properties: Object.fromEntries(names.map((n) => [n, {type: "integer"}]))
});

export const datasets: readonly ApiDataset[] = [
  {
    name: "alerts",
    title: "Drift alerts",
    description:
      "Claims-drift alerts of this delivery (new or continuing) and the previous delivery's alerts that closed, every dimension, incapacity guarantee; and the abuse-score model's alerts (dimension \"model\"). 1.1.0 added the model alerts and `message`.",
    version: "1.1.0",
    formats: ["json", "csv"],
    columns: alertColumns,
    rows: async () => (await thisDeliveryChanges()).feed as unknown as Record<string, unknown>[]
  },
  {
    name: "drift-segments",
    title: "A/E per segment",
    description:
      "One row per segment and dimension over the analysis window: exposure, actual and expected claims, A/E with its exact interval, alert status. Segments of fewer than 11 insured are left out, as on the drift page.",
    version: "1.0.0",
    formats: ["json", "csv"],
    columns: segmentColumns,
    rows: async () => {
      const figures = await thisDeliveryFigures();
      const feed = alertFeed(figures.alerts, previousFigures()?.alerts ?? null);
      const status = new Map(feed.map((a) => [alertId(a.dimension, a.guarantee, a.segment), a.status]));
      // The guarantee dimension's alerts span every guarantee ("all"); its segments are the guarantees.
      const idOf = (s: SegmentFigure) =>
        alertId(s.dimension, s.dimension === "guarantee" ? "all" : s.guarantee, s.segment);
      return figures.segments.map((s) => ({...s, alert_status: status.get(idOf(s)) ?? "none"}));
    }
  },
  {
    name: "roi-summary",
    title: "Expertise-targeting ROI per model version",
    description:
      "Per model version, the backtest on the decided expertises: base rate, break-even precision, the optimum capacity and its net savings, net savings at every tenth of the backtest. Masked below 11 claims.",
    version: "1.0.0",
    formats: ["json"],
    columns: [
      {name: "model_version", type: "string", description: "Model version of scores.csv"},
      {name: "claims", type: "integer", description: "Decided expertised claims in the backtest"},
      {name: "abuses", type: "integer", nullable: true, description: "Abuses among them"},
      {name: "base_rate", type: "number", nullable: true, description: "abuses / claims"},
      {
        name: "break_even_precision",
        type: "number",
        nullable: true,
        description: "Precision at which an expertise pays for itself"
      },
      {
        name: "optimum_k",
        type: "integer",
        nullable: true,
        description: "Capacity (expertises on the best-scored claims) maximising net savings"
      },
      {name: "optimum_net_eur", type: "number", nullable: true, description: "Net savings at the optimum, euros"},
      {
        name: "grid",
        type: "string",
        description: "Net savings at every tenth of the backtest and at the optimum",
        schema: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["k", "precision", "net_eur"],
            properties: {k: {type: "integer"}, precision: {type: "number"}, net_eur: {type: "number"}}
          }
        }
      },
      {name: "masked", type: "boolean", description: "True when the backtest holds fewer than 11 claims"}
    ],
    rows: async () => (await thisDeliveryFigures()).roi as unknown as Record<string, unknown>[]
  },
  {
    name: "detectors",
    title: "Detector x dataset matrix",
    description: "The current run of every detector version on every dataset, with every metric unrounded.",
    version: "1.0.0",
    formats: ["json", "csv"],
    columns: detectorColumns,
    rows: async () => (await thisDeliveryFigures()).detectors
  },
  {
    name: "catalog",
    title: "Catalog of analyses",
    description: "Every published analysis page with its front matter.",
    version: "1.0.0",
    formats: ["json"],
    columns: [
      {name: "href", type: "string", description: "Page path relative to the site root"},
      {name: "title", type: "string", description: "Title"},
      {name: "summary", type: "string", description: "One-paragraph summary"},
      {name: "use_case", type: "string", description: "Use-case id"},
      {name: "use_case_name", type: "string", description: "Use-case name"},
      {name: "status", type: "string", description: "draft, review, published or archived"},
      ...["authors", "reviewers", "data", "tags"].map((name): ApiColumn => ({
        name,
        type: "string",
        description: `Front matter's ${name}`,
        schema: {type: "array", items: {type: "string"}}
      })),
      {name: "created", type: "string", description: "Created, YYYY-MM-DD"},
      {name: "updated", type: "string", description: "Last updated, YYYY-MM-DD"}
    ],
    rows: async () => readCatalog().entries.map((entry) => pick(entry, dataset("catalog").columns))
  },
  {
    name: "deliveries",
    title: "Delivery history",
    description:
      "The deliveries published before this one (oldest first) and this one when a refresh built it, with their row counts and alert counts.",
    version: "1.0.0",
    formats: ["json"],
    columns: [
      {name: "name", type: "string", description: "Delivery folder name, <snapshot>-<fingerprint>"},
      {name: "snapshot_date", type: "string", description: "Data as of, YYYY-MM-DD"},
      {name: "fingerprint", type: "string", description: "Digest of the delivery's bytes"},
      {name: "run_id", type: "string", description: "The refresh run that published it"},
      {
        name: "published_at",
        type: "string",
        nullable: true,
        description: "Publication time, ISO 8601 (null: this delivery, being published)"
      },
      {
        name: "rows",
        type: "string",
        description: "Rows read, accepted and rejected over every file",
        schema: countsSchema(["read", "accepted", "rejected"])
      },
      {
        name: "alerts",
        type: "string",
        description: "New, continuing and closed alerts",
        schema: countsSchema(["new", "continuing", "closed"])
      }
    ],
    rows: async () => {
      const context = runContext();
      const rows = history(context).deliveries as unknown as Record<string, unknown>[];
      if (context.delivery) {
        const figures = await thisDeliveryFigures();
        const {alerts} = await thisDeliveryChanges(context);
        rows.push({
          name: context.delivery,
          snapshot_date: figures.snapshot_date,
          fingerprint: context.fingerprint ?? "",
          run_id: context.runId ?? "",
          published_at: null,
          rows: rowTotals(figures.files),
          alerts
        });
      }
      return rows;
    }
  }
];

/** A row with the declared columns only (the catalog's entries also carry the page's prose, not published here). */
function pick(row: object, columns: readonly ApiColumn[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.name, (row as Record<string, unknown>)[c.name]]));
}

export function dataset(name: string): ApiDataset {
  const found = datasets.find((d) => d.name === name);
  if (!found) throw new Error(`no API dataset "${name}"`);
  return found;
}
