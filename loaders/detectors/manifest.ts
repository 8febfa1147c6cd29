/**
 * Reads and validates a run's manifest.json. Every problem is returned (not only the first) with the
 * line of the offending field, so a person fixing the file sees all of it at once.
 */
import {existsSync, readFileSync} from "node:fs";
import type {Problem, RunManifest} from "../../src/lib/detectors/types.ts";
import {jsonErrorOffset} from "./json-position.ts";

export interface ManifestResult {
  manifest: RunManifest | null;
  problems: Problem[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `path` is the file on disk, `display` the name used in problems (relative to the runs folder's parent). */
export function readManifest(path: string, display: string): ManifestResult {
  if (!existsSync(path))
    return fail(display, null, null, "manifest.json is missing; expected a JSON object describing the run");
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(display, jsonErrorLine(text), null, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return fail(display, 1, null, "expected a JSON object");
  return validateManifest(data as Record<string, unknown>, text, display);
}

export function validateManifest(data: Record<string, unknown>, text: string, display: string): ManifestResult {
  const problems: Problem[] = [];
  const problem = (field: string, reason: string) =>
    problems.push({file: display, line: fieldLine(text, field), column: field, reason});

  const text_ = (field: string, required: boolean): string | null => {
    const value = data[field];
    if (value === undefined || value === null || value === "") {
      if (required) problem(field, `${field} is missing; expected a non-empty string`);
      return null;
    }
    // Versions and commits are sometimes written as numbers (2.1, 9123): read them as text rather than refuse.
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value !== "string") {
      problem(field, `${field} must be a string, got ${JSON.stringify(value)}`);
      return null;
    }
    return value.trim();
  };

  const run_id = text_("run_id", true);
  const detector = text_("detector", true);
  const detector_version = text_("detector_version", true);
  const dataset = text_("dataset", true);
  const dataset_version = text_("dataset_version", false);
  const code_commit = text_("code_commit", false);
  const started_at = text_("started_at", true);
  if (started_at !== null && (!ISO_DATE_TIME.test(started_at) || Number.isNaN(Date.parse(started_at)))) {
    problem(
      "started_at",
      `started_at must be an ISO 8601 date-time like 2026-03-02T10:12:00Z, got ${JSON.stringify(started_at)}`
    );
  }

  let threshold: number | null = null;
  const rawThreshold = data.threshold;
  if (rawThreshold !== undefined && rawThreshold !== null) {
    if (typeof rawThreshold === "number" && Number.isFinite(rawThreshold)) threshold = rawThreshold;
    else problem("threshold", `threshold must be a finite number, got ${JSON.stringify(rawThreshold)}`);
  }

  let params: Record<string, unknown> = {};
  const rawParams = data.params;
  if (rawParams !== undefined && rawParams !== null) {
    if (typeof rawParams === "object" && !Array.isArray(rawParams)) params = rawParams as Record<string, unknown>;
    else problem("params", `params must be a JSON object, got ${JSON.stringify(rawParams)}`);
  }

  if (problems.length) return {manifest: null, problems};
  return {
    manifest: {
      run_id: run_id!,
      detector: detector!,
      detector_version: detector_version!,
      dataset: dataset!,
      dataset_version,
      threshold,
      params,
      code_commit,
      started_at: started_at!
    },
    problems
  };
}

function fail(file: string, line: number | null, column: string | null, reason: string): ManifestResult {
  return {manifest: null, problems: [{file, line, column, reason}]};
}

/** The line where `"field":` is written, or null when the field is absent. */
function fieldLine(text: string, field: string): number | null {
  const index = text.search(new RegExp(`"${field}"\\s*:`));
  return index < 0 ? null : lineAt(text, index);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonErrorLine(text: string): number | null {
  const offset = jsonErrorOffset(text);
  return offset === null ? null : lineAt(text, offset);
}
