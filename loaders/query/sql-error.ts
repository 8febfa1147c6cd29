/**
 * DuckDB explains a bad statement over several lines ("Parser Error: syntax error at or near ...", a blank line,
 * "LINE 1: SELECT * FORM claims", then a caret under the place). An author gets one line that keeps the message
 * and says where: "(line 1, column 10)".
 */

/** DuckDB reports the author's mistakes as "Parser Error: ...", "Binder Error: ...", "Catalog Error: ..." and so on. */
export const DUCKDB_ERROR = /^[A-Z][A-Za-z ]* Error: /;

export function oneLineSqlError(message: string): string {
  const lines = message.split("\n");
  const first = lines[0].trim();
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0) return first;
  const [prefix, line] = /^LINE (\d+): /.exec(lines[at])!;
  const shown = lines[at].slice(prefix.length);
  const caret = (lines[at + 1] ?? "").indexOf("^") - prefix.length;
  // A long line is shown cut, behind "...": the caret's place is then not the column of the statement.
  if (caret < 0 || shown.startsWith("...")) return `${first} (line ${line})`;
  return `${first} (line ${line}, column ${caret + 1})`;
}
