/**
 * An error caused by the user's input (a bad extract, a bad flag), not by a bug.
 * The CLI prints its message as one line, without a stack trace, and exits with `exitCode`.
 * Messages name the file, the line or column, and what was expected.
 */
export class CarnetError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "CarnetError";
    this.exitCode = exitCode;
  }
}

export function isCarnetError(error: unknown): error is CarnetError {
  return error instanceof CarnetError;
}
