/**
 * What every drift chart shares: a figure that takes the width it is given (Framework's stylesheet caps figures at
 * 640 px, which shrank wide charts and their text), Plot's text at 12 px, and the sentence shown instead of a chart.
 */

/** Plot's `style` option: axis, tick and label text at 12 px (Plot's default is 10 px). */
export const chartStyle = {fontSize: "12px"};

/** An empty figure of class `className`, free of Framework's 640 px cap. */
export function chartFigure(className: string): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = className;
  figure.style.maxWidth = "none";
  return figure;
}

/** Plot's output, freed of the 640 px cap too when Plot wraps it in a figure of its own (a title or a legend). */
export function uncapped<T extends Element>(plot: T): T {
  if (plot instanceof HTMLElement && plot.tagName.toLowerCase() === "figure") plot.style.maxWidth = "none";
  return plot;
}

/** A paragraph saying why there is no chart. */
export function chartNote(text: string): HTMLParagraphElement {
  return Object.assign(document.createElement("p"), {textContent: text});
}

/** The chart's caption. */
export function chartCaption(text: string): HTMLElement {
  return Object.assign(document.createElement("figcaption"), {textContent: text});
}
