/**
 * The lifecycle stages of a use case and the one rule that splits them: a use case is at an early stage (not yet
 * industrialised, its value still an estimate) in exploration, modelling or incubation. The value report's page
 * and its written summary both count the pipeline with this rule, so they cannot disagree.
 */
export const EARLY_STAGES: readonly string[] = ["exploration", "modelling", "incubation"];
export const LATE_STAGES: readonly string[] = ["industrialisation", "deployment", "run"];

/** True for a stage before industrialisation. */
export function isEarlyStage(stage: string): boolean {
  return EARLY_STAGES.includes(stage);
}

/** The pipeline's early stages and what they carry: use cases and estimated annual savings. */
export function earlyPipeline<T extends {stage: string; use_cases: number; estimated_savings_eur: number}>(
  pipeline: readonly T[]
): {stages: T[]; useCases: number; estimatedSavingsEur: number} {
  const stages = pipeline.filter((s) => isEarlyStage(s.stage));
  return {
    stages,
    useCases: stages.reduce((sum, s) => sum + s.use_cases, 0),
    estimatedSavingsEur: stages.reduce((sum, s) => sum + s.estimated_savings_eur, 0)
  };
}
