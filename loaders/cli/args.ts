import {parseArgs, type ParseArgsConfig} from "node:util";
import {CarnetError} from "../errors.ts";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a verb's flags strictly; an unknown flag or a missing value is the user's mistake, not a crash. */
export function parseVerbArgs<T extends Options>(verb: string, argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({
      args: argv,
      options: {...options, help: {type: "boolean", short: "h"}},
      allowPositionals,
      strict: true
    });
  } catch (error) {
    // Node's messages can span lines; the CLI promises one.
    const message = (error as Error).message
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .join(" ");
    throw new CarnetError(`carnet ${verb}: ${message} (see carnet ${verb} --help)`);
  }
}

/** Reads a numeric flag; a non-number is reported with the flag's name. */
export function numberFlag(verb: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new CarnetError(`carnet ${verb}: --${name} expects a number, got "${value}"`);
  return number;
}

/** Reads --format, accepting only the listed formats. */
export function formatFlag<F extends string>(verb: string, value: string | undefined, formats: readonly F[]): F {
  const format = (value ?? formats[0]) as F;
  if (!formats.includes(format))
    throw new CarnetError(`carnet ${verb}: --format expects ${formats.join(" or ")}, got "${value}"`);
  return format;
}
