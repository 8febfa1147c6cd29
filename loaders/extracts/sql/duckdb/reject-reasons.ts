/** Count of rejects per file, column and reason kind (quoted values, dates and numbers blanked out), DuckDB. */
export function rejectReasonsSql(): string {
  return `SELECT file, "column", regexp_replace(reason, '"[^"]*"|\\d{4}-\\d{2}-\\d{2}|\\d+', '…', 'g') AS kind, count(*) AS rows
    FROM rejects GROUP BY ALL ORDER BY rows DESC, file, "column", kind`;
}
