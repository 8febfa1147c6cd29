/**
 * Durations of each refresh run's steps, one bar per run stacked by step (check, stage, prepare, build, compare,
 * publish): where a monthly run spends its time, and which runs failed (their bars end at the failed step).
 */
import * as Plot from "@observablehq/plot";

export interface RunSteps {
  run_id: string;
  status: string;
  steps: {name: string; seconds: number; status: string}[];
}

export const STEP_ORDER = ["check", "stage", "prepare", "build", "compare", "publish"];

export function stepDurations(runs: readonly RunSteps[], options: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const rows = runs.flatMap((run) =>
    run.steps.map((step) => ({
      run: `${run.run_id} (${run.status})`,
      step: step.name,
      seconds: step.seconds,
      failed: step.status === "failed"
    }))
  );
  return Plot.plot({
    width: options.width,
    marginLeft: 230,
    height: Math.max(80, 28 * runs.length + 50),
    x: {label: "seconds", grid: true},
    y: {label: null, domain: runs.map((run) => `${run.run_id} (${run.status})`)},
    color: {legend: true, domain: STEP_ORDER, label: "step"},
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          x: "seconds",
          y: "run",
          fill: "step",
          order: STEP_ORDER,
          title: (d) => `${d.step}: ${d.seconds.toFixed(1)} s${d.failed ? " (failed)" : ""}`
        })
      ),
      Plot.ruleX([0])
    ]
  });
}
