/**
 * What every engine answers, whatever runs it: the members the loaders may call on any `Engine`. Kept apart from
 * engine.ts so that the engine classes can implement it while engine.ts names the union of those classes.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Where the engine runs, safe to print (no credentials). */
  readonly label: string;
  /** Runs a query and returns its rows. */
  all<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Runs a statement that returns nothing useful. */
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}
