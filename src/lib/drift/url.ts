/**
 * The claims-drift page's inputs in its address, so a link reproduces the exact view (as ROI scenarios do).
 * Browser-safe: no Node imports. Unknown or invalid parameters fall back to the defaults and are named, so the
 * page can say which were ignored instead of breaking.
 */
export interface DriftView {
  dimension: string;
  grain: string;
  guarantee: string;
  from: string;
  to: string;
  minExposure: number;
  baseline: string;
  segment: string | null;
}

export interface DriftChoices {
  dimensions: readonly string[];
  grains: readonly string[];
  guarantees: readonly string[];
  months: readonly string[];
  baselines: readonly string[];
  maxExposure: number;
}

export function parseDriftView(
  search: string,
  defaults: DriftView,
  choices: DriftChoices
): {view: DriftView; ignored: string[]} {
  const params = new URLSearchParams(search);
  const view = {...defaults};
  const ignored: string[] = [];
  const pick = (name: keyof DriftView, allowed: readonly string[]) => {
    const value = params.get(name);
    if (value === null) return;
    if (allowed.includes(value)) (view[name] as string) = value;
    else ignored.push(name);
  };
  pick("dimension", choices.dimensions);
  pick("grain", choices.grains);
  pick("guarantee", choices.guarantees);
  pick("from", choices.months);
  pick("to", choices.months);
  pick("baseline", choices.baselines);
  const exposure = params.get("minExposure");
  if (exposure !== null) {
    const number = Number(exposure);
    if (exposure.trim() !== "" && Number.isFinite(number) && number >= 0 && number <= choices.maxExposure)
      view.minExposure = number;
    else ignored.push("minExposure");
  }
  const segment = params.get("segment");
  if (segment !== null) view.segment = segment;
  return {view, ignored};
}

/** The query string of a view: only what differs from the defaults, in a stable order. */
export function driftViewQuery(view: DriftView, defaults: DriftView): string {
  const params = new URLSearchParams();
  for (const key of ["dimension", "grain", "guarantee", "from", "to", "minExposure", "baseline", "segment"] as const) {
    const value = view[key];
    if (value !== null && value !== defaults[key]) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
