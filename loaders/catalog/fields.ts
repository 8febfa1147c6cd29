/**
 * Small field checkers shared by the analysis front-matter schema and the use-case card schema. Each returns the
 * checked value or records a problem naming the field and what was expected, so one bad page lists every mistake.
 */

export interface Problem {
  /** Dotted path of the field, e.g. "status" or "value.per_year[2].year". */
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FieldChecker {
  readonly problems: Problem[] = [];
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly prefix = ""
  ) {}

  private name(field: string): string {
    return this.prefix ? `${this.prefix}.${field}` : field;
  }

  problem(field: string, message: string): void {
    this.problems.push({field: this.name(field), message});
  }

  has(field: string): boolean {
    return this.record[field] !== undefined && this.record[field] !== null;
  }

  /** A required, non-empty string. */
  text(field: string): string {
    const value = this.record[field];
    if (value === undefined || value === null) return (this.missing(field, "a text"), "");
    if (typeof value !== "string" || !value.trim())
      return (this.problem(field, `expected a non-empty text, got ${describe(value)}`), "");
    return value.trim();
  }

  /** A list of non-empty strings (`minimum` items at least). A single string is refused: lists are lists. */
  list(field: string, minimum = 0): string[] {
    const value = this.record[field];
    if (value === undefined || value === null) return (this.missing(field, "a list, e.g. [a, b]"), []);
    if (!Array.isArray(value)) return (this.problem(field, `expected a list, e.g. [a, b], got ${describe(value)}`), []);
    const bad = value.findIndex((item) => typeof item !== "string" || !item.trim());
    if (bad >= 0)
      return (this.problem(`${field}[${bad}]`, `expected a non-empty text, got ${describe(value[bad])}`), []);
    if (value.length < minimum)
      return (this.problem(field, `expected at least ${minimum} item${minimum > 1 ? "s" : ""}, got an empty list`), []);
    return value.map((item: string) => item.trim());
  }

  /** A calendar date written YYYY-MM-DD (a YAML date object is accepted and normalised). */
  date(field: string): string {
    const value = this.record[field];
    if (value === undefined || value === null) return (this.missing(field, "a date YYYY-MM-DD"), "");
    const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
    if (typeof text !== "string" || !ISO_DATE.test(text) || !isCalendarDate(text)) {
      return (this.problem(field, `expected a date YYYY-MM-DD, got ${describe(value)}`), "");
    }
    return text;
  }

  /** One of the allowed values. */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.record[field];
    const expected = allowed.map((a) => JSON.stringify(a)).join(", ");
    if (value === undefined || value === null) return (this.missing(field, `one of ${expected}`), allowed[0]);
    if (typeof value !== "string" || !allowed.includes(value as T))
      return (this.problem(field, `expected one of ${expected}, got ${describe(value)}`), allowed[0]);
    return value as T;
  }

  /** A finite number at least `minimum`. */
  number(field: string, minimum = -Infinity, maximum = Infinity): number {
    const value = this.record[field];
    if (value === undefined || value === null) return (this.missing(field, "a number"), 0);
    if (typeof value !== "number" || !Number.isFinite(value) || value < minimum || value > maximum) {
      const range =
        maximum < Infinity ? ` between ${minimum} and ${maximum}` : minimum > -Infinity ? ` >= ${minimum}` : "";
      return (this.problem(field, `expected a number${range}, got ${describe(value)}`), 0);
    }
    return value;
  }

  boolean(field: string): boolean {
    const value = this.record[field];
    if (typeof value !== "boolean")
      return (this.problem(field, `expected true or false, got ${describe(value)}`), false);
    return value;
  }

  /** A nested mapping, checked by its own checker (problems are merged with the nested field path). */
  object(field: string): FieldChecker {
    const value = this.record[field];
    if (!isRecord(value)) {
      if (value === undefined || value === null) this.missing(field, "a mapping of fields");
      else this.problem(field, `expected a mapping of fields, got ${describe(value)}`);
      return new FieldChecker({}, this.name(field));
    }
    return new FieldChecker(value, this.name(field));
  }

  private missing(field: string, expected: string): void {
    this.problem(field, `missing (expected ${expected})`);
  }
}

/** Merges the problems of nested checkers into their parent. */
export function collect(parent: FieldChecker, ...children: FieldChecker[]): Problem[] {
  return [...parent.problems, ...children.flatMap((child) => child.problems)];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
