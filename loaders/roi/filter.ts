/**
 * Which scored claims a backtest looks at: one model version, and a period on the year the claim's first
 * expertise was ordered (inclusive). Missing bounds mean "all".
 */
export interface RoiFilter {
  model: string;
  from?: number;
  to?: number;
}
