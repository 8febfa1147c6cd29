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
