/**
 * The scenario inputs: capacity (slider and number) linked to a score threshold, cost per expertise, saving
 * per abuse (recorded or a fixed amount), model version and period; a "copy link" button and the notice shown
 * when a link's parameters were invalid. Plain form controls: the explorer wires their events.
 */
export interface ScenarioForm extends HTMLElement {
  capacityRange: HTMLInputElement;
  capacityNumber: HTMLInputElement;
  threshold: HTMLInputElement;
  optimum: HTMLButtonElement;
  cost: HTMLInputElement;
  savingMode: HTMLSelectElement;
  saving: HTMLInputElement;
  model: HTMLSelectElement;
  from: HTMLSelectElement;
  to: HTMLSelectElement;
  copy: HTMLButtonElement;
  copyStatus: HTMLElement;
  notice: HTMLElement;
  /** Shows the notice with these lines, or hides it when there are none. */
  showNotice(lines: readonly string[]): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function labelled(text: string, control: HTMLElement, suffix = ""): HTMLLabelElement {
  return element(
    "label",
    {className: "roi-field"},
    element("span", {}, text),
    control,
    ...(suffix ? [element("span", {className: "roi-suffix"}, suffix)] : [])
  );
}

function options(
  select: HTMLSelectElement,
  values: readonly (string | number)[],
  labels?: readonly string[]
): HTMLSelectElement {
  values.forEach((value, i) =>
    select.append(element("option", {value: String(value), textContent: labels?.[i] ?? String(value)}))
  );
  return select;
}

export function scenarioForm({
  models,
  years
}: {
  models: readonly string[];
  years: readonly [number, number];
}): ScenarioForm {
  const yearList = Array.from({length: years[1] - years[0] + 1}, (_, i) => years[0] + i);
  const capacityRange = element("input", {type: "range", min: "0", step: "1", name: "k"});
  capacityRange.setAttribute("aria-label", "Capacity (number of expertises)");
  const capacityNumber = element("input", {type: "number", min: "0", step: "1", name: "k-number"});
  const threshold = element("input", {type: "number", min: "0", max: "1", step: "0.0001", name: "threshold"});
  const optimum = element("button", {type: "button", className: "roi-optimum"}, "Go to the optimum");
  const cost = element("input", {type: "number", min: "1", step: "any", name: "cost"});
  const savingMode = options(
    element("select", {name: "saving-mode"}),
    ["recorded", "fixed"],
    ["as recorded (saving_eur of each abuse)", "a fixed amount per abuse"]
  );
  const saving = element("input", {type: "number", min: "1", step: "any", name: "saving"});
  const model = options(element("select", {name: "model"}), models);
  const from = options(element("select", {name: "from"}), yearList);
  const to = options(element("select", {name: "to"}), yearList);
  const copy = element("button", {type: "button", className: "roi-copy"}, "Copy link to this scenario");
  const copyStatus = element("span", {className: "roi-copy-status"});
  copyStatus.setAttribute("role", "status");
  const notice = element("div", {className: "note roi-notice", hidden: true});
  notice.setAttribute("role", "alert");

  // A div, not a form: a form exposes its controls as named properties, which the fields below would collide with.
  const form = element(
    "div",
    {className: "roi-form"},
    notice,
    element(
      "fieldset",
      {},
      element("legend", {}, "How many expertises"),
      labelled("Capacity", capacityRange),
      labelled("", capacityNumber, "expertises"),
      labelled("or score ≥", threshold),
      optimum
    ),
    element(
      "fieldset",
      {},
      element("legend", {}, "Money"),
      labelled("Cost per expertise", cost, "€"),
      labelled("Saving per abuse", savingMode),
      labelled("", saving, "€ per abuse")
    ),
    element(
      "fieldset",
      {},
      element("legend", {}, "Which claims"),
      labelled("Model version", model),
      labelled("Expertises ordered from", from),
      labelled("to", to)
    ),
    element("p", {}, copy, " ", copyStatus)
  ) as unknown as ScenarioForm;
  Object.assign(form, {
    capacityRange,
    capacityNumber,
    threshold,
    optimum,
    cost,
    savingMode,
    saving,
    model,
    from,
    to,
    copy,
    copyStatus,
    notice
  });
  form.showNotice = (lines) => {
    notice.replaceChildren();
    notice.hidden = !lines.length;
    if (!lines.length) return;
    notice.append(element("p", {}, "Some parameters of this link could not be used, so defaults apply instead:"));
    const list = element("ul");
    for (const line of lines) list.append(element("li", {}, line));
    notice.append(list);
  };
  return form;
}
