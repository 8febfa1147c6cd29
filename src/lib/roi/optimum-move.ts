/**
 * A model version's backtest optimum in two deliveries, as the refresh's compare step computes it
 * (loaders/run/compare.ts) and the home page shows it (src/components/run/since-previous.ts). Null: masked, or the
 * version was not in that delivery.
 */
export interface RoiMove {
  model_version: string;
  previous_claims: number | null;
  claims: number;
  previous_optimum_k: number | null;
  optimum_k: number | null;
  previous_optimum_net_eur: number | null;
  optimum_net_eur: number | null;
  previous_base_rate: number | null;
  base_rate: number | null;
}
