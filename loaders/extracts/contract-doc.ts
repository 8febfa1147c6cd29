/**
 * docs/data-contract.md, generated from the contract staging enforces (contract.ts): every extract file, its
 * columns, types and rules, the file dialect, and what staging makes of each column. `npm run docs` writes it; a
 * test fails when the committed file differs, so the description cannot drift from the code.
 */
import {REQUIRED_COLUMNS} from "../detectors/predictions.ts";
import {contract, type Column, type FileContract} from "./contract.ts";

const typeNames = {text: "text", date: "date", integer: "integer", decimal: "decimal"} as const;
const stagedTypes = {text: "VARCHAR", date: "DATE", integer: "INTEGER", decimal: "DOUBLE"} as const;

function rules(column: Column): string {
  const said: string[] = [];
  if (column.required) said.push("required");
  if (column.values) said.push(`one of ${column.values.map((v) => `\`${v}\``).join(", ")}`);
  if (column.nonNegative) said.push("≥ 0");
  if (column.range) said.push(`in [${column.range[0]}, ${column.range[1]}]`);
  if (column.references) {
    const {table, column: parent, with: also = []} = column.references;
    const together = also.length ? ` with ${also.map((a) => `\`${a}\``).join(", ")}` : "";
    said.push(`→ \`${table}.${parent}\`${together} (accepted rows)`);
  }
  if (column.listedIn) {
    const {table, list, via, separator} = column.listedIn;
    said.push(`one of the \`${separator}\`-separated \`${table}.${list}\` of its \`${via}\``);
  }
  return said.join("; ");
}

function staged(column: Column): string {
  if (column.identifier) return "**dropped** (direct identifier: read only to check the header)";
  if (column.pseudonymised) return "VARCHAR, **pseudonymised** (keyed HMAC-SHA-256, key from `CARNET_PSEUDONYM_KEY`)";
  return stagedTypes[column.type];
}

function fileSection(file: FileContract): string[] {
  const lines = [
    `## \`${file.name}.csv\`${file.optional ? " (optional)" : ""}`,
    "",
    `Staged as table \`${file.name}\`.` +
      (file.key ? ` Key: ${file.key.map((k) => `\`${k}\``).join(" + ")} (a later duplicate is rejected).` : "") +
      (file.ordered?.length
        ? ` Dates in order when both are given: ${file.ordered.map(([a, b]) => `\`${a}\` ≤ \`${b}\``).join(", ")}.`
        : "") +
      (file.optional ? " Optional: when the file is absent the table exists, empty." : ""),
    "",
    "| column | type | rules | staged as |",
    "|---|---|---|---|",
    // A `|` inside a table cell, even in a code span, must be escaped (GitHub-flavoured Markdown).
    ...file.columns.map(
      (c) => `| \`${c.name}\` | ${typeNames[c.type]} | ${rules(c).replace(/\|/g, "\\|")} | ${staged(c)} |`
    ),
    ""
  ];
  return lines;
}

export function dataContractMarkdown(): string {
  return [
    "<!-- Generated from loaders/extracts/contract.ts by `npm run docs`: edit the contract, not this file. -->",
    "",
    "# The extract contract",
    "",
    "What a delivery (one extract folder, `CARNET_EXTRACTS`) holds and what staging (`carnet check`, the build's",
    "first step) enforces. A row that breaks a rule is rejected and reported with its file, line, column and what was",
    "expected (rows read = rows accepted + rows rejected); a file that cannot be read at all stops staging with one",
    "such line. After staging each file is a table of the same name holding its accepted rows, typed, without the",
    "direct identifiers and with ids pseudonymised: the tables every loader, `carnet query` and the Python and R",
    "helpers read (`carnet tables` lists them).",
    "",
    "## File dialect (every CSV file)",
    "",
    "- A header line naming the columns; more columns may appear and are ignored.",
    "- Delimiter `,` or `;`; with `;` the decimal separator may be `,` (French spreadsheet exports).",
    "- Encoding UTF-8 (with or without BOM) or Windows-1252; UTF-16 is refused.",
    "- Dates `YYYY-MM-DD` or `DD/MM/YYYY`; an empty field is a missing value.",
    "- Any file may be delivered as Parquet instead (`claims.parquet` for `claims.csv`), same columns, proper types.",
    "",
    ...contract.flatMap(fileSection),
    "## `detector-runs/<run_id>/` (document AI)",
    "",
    "One folder per detector run (loaders/detectors/): `manifest.json`, a JSON object with `run_id`, `detector`,",
    "`detector_version`, `dataset`, `started_at` (ISO date-time) required and `dataset_version`, `code_commit`,",
    "`threshold`, `params` optional; and `predictions.csv`, one row per document with the columns",
    `${REQUIRED_COLUMNS.map((c) => `\`${c}\``).join(", ")} (label 0/1, score a number) and optionally \`decision\` (0/1;`,
    "else `score >= threshold`). A run whose manifest or predictions cannot be read is listed apart, never scored.",
    ""
  ].join("\n");
}
