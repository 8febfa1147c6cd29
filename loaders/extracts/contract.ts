/**
 * The extract contract (../shared/data-contract.md) as data: every file, its columns, their types, and the
 * rules a row must follow. Reading, validation, the generator and the docs all use this one description.
 *
 * After staging, each file becomes a table of the same name holding only accepted rows, with typed columns
 * (date -> DATE, integer -> INTEGER, decimal -> DOUBLE, text -> VARCHAR), direct identifiers dropped and
 * `pseudonymised` columns replaced by their keyed hash.
 */
export type ColumnType = "text" | "date" | "integer" | "decimal";

export interface Column {
  name: string;
  type: ColumnType;
  /** An empty value is rejected. */
  required?: boolean;
  /** Allowed values (text). */
  values?: readonly string[];
  /** Numbers must be >= 0. */
  nonNegative?: boolean;
  /** Numbers must lie in [min, max]. */
  range?: readonly [number, number];
  /** Direct identifier: read to check the header, dropped before anything is stored. */
  identifier?: boolean;
  /** Replaced by HMAC-SHA-256(key, value) at read time. */
  pseudonymised?: boolean;
  /**
   * Must exist as `table.column` among accepted rows of that file; with `with`, together with these other columns
   * of the row, matched to the columns of the same names in that file (a reference to a composite key).
   */
  references?: {table: string; column: string; with?: readonly string[]};
  /**
   * Must be one of the names listed, separated by `separator`, in column `list` of the accepted row of `table`
   * whose `key` equals this row's `via` (e.g. a feature among its model version's features). Checked after the
   * references, so a row whose `via` is unknown is rejected for that instead.
   */
  listedIn?: {table: string; key: string; via: string; list: string; separator: string};
}

export interface FileContract {
  /** Table name, and the file name without extension (`claims` -> claims.csv or claims.parquet). */
  name: string;
  columns: readonly Column[];
  /** Columns whose combination must be unique; later duplicates are rejected. */
  key?: readonly string[];
  /** Pairs [earlier, later] of date columns that must be in order when both are present. */
  ordered?: readonly (readonly [string, string])[];
  /** Optional files may be absent: the table then exists, empty, and nothing is rejected or counted for it. */
  optional?: boolean;
}

export const contract: readonly FileContract[] = [
  {
    name: "contracts",
    key: ["contract_id"],
    ordered: [["start_date", "end_date"]],
    columns: [
      {name: "contract_id", type: "text", required: true},
      {name: "employer_name", type: "text", identifier: true},
      {name: "sector_naf", type: "text", required: true},
      {name: "region", type: "text", required: true},
      {name: "start_date", type: "date", required: true},
      {name: "end_date", type: "date"}
    ]
  },
  {
    name: "insured",
    key: ["insured_id"],
    ordered: [
      ["birth_date", "coverage_start"],
      ["coverage_start", "coverage_end"]
    ],
    columns: [
      {name: "insured_id", type: "text", required: true, pseudonymised: true},
      {name: "nir", type: "text", identifier: true},
      {name: "contract_id", type: "text", required: true, references: {table: "contracts", column: "contract_id"}},
      {name: "birth_date", type: "date", required: true},
      {name: "sex", type: "text", required: true, values: ["F", "M"]},
      {name: "job_category", type: "text", required: true, values: ["cadre", "non_cadre"]},
      {name: "coverage_start", type: "date", required: true},
      {name: "coverage_end", type: "date"}
    ]
  },
  {
    name: "premiums",
    key: ["contract_id", "year"],
    columns: [
      {name: "contract_id", type: "text", required: true, references: {table: "contracts", column: "contract_id"}},
      {name: "year", type: "integer", required: true, range: [1900, 2200]},
      {name: "earned_premium_eur", type: "decimal", required: true, nonNegative: true}
    ]
  },
  {
    name: "claims",
    key: ["claim_id"],
    ordered: [
      ["event_date", "declared_date"],
      ["event_date", "end_date"]
    ],
    columns: [
      {name: "claim_id", type: "text", required: true, pseudonymised: true},
      {
        name: "insured_id",
        type: "text",
        required: true,
        pseudonymised: true,
        references: {table: "insured", column: "insured_id"}
      },
      {name: "contract_id", type: "text", required: true, references: {table: "contracts", column: "contract_id"}},
      {name: "guarantee", type: "text", required: true, values: ["incapacity", "disability", "death"]},
      {name: "event_date", type: "date", required: true},
      {name: "declared_date", type: "date"},
      {name: "end_date", type: "date"},
      {name: "days_paid", type: "integer", nonNegative: true},
      {name: "paid_eur", type: "decimal", nonNegative: true},
      {name: "reserve_eur", type: "decimal", nonNegative: true},
      {name: "status", type: "text", required: true, values: ["open", "closed"]}
    ]
  },
  {
    name: "expertises",
    key: ["expertise_id"],
    columns: [
      {name: "expertise_id", type: "text", required: true},
      {
        name: "claim_id",
        type: "text",
        required: true,
        pseudonymised: true,
        references: {table: "claims", column: "claim_id"}
      },
      {name: "ordered_date", type: "date", required: true},
      {name: "selection", type: "text", required: true, values: ["rule", "model", "random"]},
      {name: "score", type: "decimal", range: [0, 1]},
      {name: "outcome", type: "text", required: true, values: ["abuse", "justified", "no_show", "pending"]},
      {name: "cost_eur", type: "decimal", nonNegative: true},
      {name: "saving_eur", type: "decimal", nonNegative: true}
    ]
  },
  {
    name: "scores",
    key: ["claim_id", "model_version"],
    columns: [
      {
        name: "claim_id",
        type: "text",
        required: true,
        pseudonymised: true,
        references: {table: "claims", column: "claim_id"}
      },
      {name: "scored_date", type: "date", required: true},
      {name: "model_version", type: "text", required: true},
      {name: "score", type: "decimal", required: true, range: [0, 1]}
    ]
  },
  {
    // Model monitoring: one model card per version, delivered by the scoring pipeline next to scores.csv.
    name: "models",
    optional: true,
    key: ["model_version"],
    ordered: [
      ["trained_from", "trained_to"],
      ["trained_to", "deployed_date"]
    ],
    columns: [
      {name: "model_version", type: "text", required: true},
      {name: "trained_from", type: "date"},
      {name: "trained_to", type: "date"},
      {name: "deployed_date", type: "date"},
      {name: "validation_auc", type: "decimal", range: [0, 1]},
      {name: "features", type: "text", required: true},
      {name: "base_value", type: "decimal", required: true},
      {name: "description", type: "text"}
    ]
  },
  {
    // Model monitoring: each feature's value and contribution to logit(score), per scored claim and version.
    name: "score_features",
    optional: true,
    key: ["claim_id", "model_version", "feature"],
    columns: [
      {
        name: "claim_id",
        type: "text",
        required: true,
        pseudonymised: true,
        references: {table: "scores", column: "claim_id", with: ["model_version"]}
      },
      {name: "model_version", type: "text", required: true, references: {table: "models", column: "model_version"}},
      {
        name: "feature",
        type: "text",
        required: true,
        listedIn: {table: "models", key: "model_version", via: "model_version", list: "features", separator: "|"}
      },
      {name: "value", type: "decimal"},
      {name: "contribution", type: "decimal", required: true}
    ]
  }
];

export function fileContract(name: string): FileContract {
  const file = contract.find((f) => f.name === name);
  if (!file) throw new Error(`no contract for ${name}`);
  return file;
}
