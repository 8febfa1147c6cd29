/** Messages for the person running a step: progress (only on a terminal) and warnings, both on stderr. */

/** Progress goes to stderr, and only when a person watches it (stderr is a terminal). */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
}

export function warn(message: string): void {
  process.stderr.write(`carnet: warning: ${message}\n`);
}

type StepListener = (message: string) => void;
let stepListener: StepListener | undefined;

/** Who hears of each timed step's end (`carnet prepare` prints them on stderr); nobody by default. */
export function listenToSteps(listener: StepListener | undefined): void {
  stepListener = listener;
}

/** Runs one step of a longer piece of work, telling the step listener its name and time when done. */
export async function timedStep<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  stepListener?.(`${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}
