/**
 * ClickHouse twin of ../duckdb/reject-reasons.ts over the `rejects` table written by `carnet ingest`
 * (string literals take backslash escapes in ClickHouse, hence the doubled backslashes).
 */
export function rejectReasonsSql(): string {
  return `SELECT file, column, replaceRegexpAll(reason, '"[^"]*"|\\\\d{4}-\\\\d{2}-\\\\d{2}|\\\\d+', '…') AS kind, count() AS rows
    FROM rejects GROUP BY file, column, kind ORDER BY rows DESC, file, column, kind`;
}
