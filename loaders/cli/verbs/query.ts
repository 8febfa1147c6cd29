import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableToIPC} from "apache-arrow";
import {csvFormat} from "d3";
import {CarnetError} from "../../errors.ts";
import {extractsDir} from "../../extracts/location.ts";
import {rowsToArrow, writeStdout} from "../../output/arrow.ts";
import {openForQuery, readOnlyQuery, readOnlyToParquet} from "../../query/read-only.ts";
import {formatFlag, parseVerbArgs} from "../args.ts";

export const summary = "Read-only SQL over the staged tables (with the team's macros), as CSV, JSON, Arrow or Parquet";
export const help = `
Usage: npm run --silent carnet -- query "SQL" [--format csv|json|arrow|parquet] [--out FILE] [--extracts DIR]

Runs one statement that reads (SELECT, WITH, FROM, EXPLAIN) on the delivery's staged tables (contracts, insured,
premiums, claims, expertises, scores, rejects: accepted rows only, individuals pseudonymised, no name or NIR) with
the team's macros (carnet_mask, carnet_age, carnet_age_band, carnet_exposure_years; see \`carnet tables\`), and
writes the result: for R, Excel, a shell or a BI tool. The delivery is staged first if needed.

  --format F      csv (default), json (an array of records), arrow (Arrow IPC stream) or parquet
  --out FILE      write to FILE instead of stdout (parquet needs a file or a pipe)
  --extracts DIR  extract folder (default: $CARNET_EXTRACTS, else data/extracts)

Exit status: 0 done; 2 bad SQL (DuckDB's message with its line and column), a statement that would write, or a
problem with the delivery, printed as one line.
`;

export async function run(argv: string[]): Promise<number> {
  const {values, positionals} = parseVerbArgs(
    "query",
    argv,
    {format: {type: "string"}, out: {type: "string"}, extracts: {type: "string"}},
    true
  );
  const format = formatFlag("query", values.format, ["csv", "json", "arrow", "parquet"] as const);
  if (positionals.length !== 1)
    throw new CarnetError('carnet query: give one SQL statement in quotes, e.g. "SELECT count(*) FROM claims"');
  // DuckDB writes Parquet into a folder of its own (the only place the statement may write), then it is moved to
  // --out or copied to stdout.
  const scratch = format === "parquet" ? mkdtempSync(join(tmpdir(), "carnet-query-")) : undefined;
  const {engine} = await openForQuery(values.extracts ?? extractsDir(), {writes: scratch ? [scratch] : []});
  try {
    if (scratch) {
      const written = join(scratch, "result.parquet");
      await readOnlyToParquet(engine, positionals[0], written);
      if (values.out) copyFileSync(written, values.out);
      else await writeStdout(readFileSync(written));
      return 0;
    }
    const {rows, columns} = await readOnlyQuery(engine, positionals[0]);
    const bytes =
      format === "json"
        ? JSON.stringify(rows) + "\n"
        : format === "arrow"
          ? tableToIPC(rowsToArrow(rows, columns), "stream")
          : csvFormat(
              rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] == null ? "" : String(r[c])]))),
              columns
            ) + "\n";
    if (values.out) writeFileSync(values.out, bytes);
    else await writeStdout(bytes);
  } finally {
    if (scratch) rmSync(scratch, {recursive: true, force: true});
    await engine.close();
  }
  return 0;
}
