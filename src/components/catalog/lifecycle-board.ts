/**
 * The lifecycle board: one column per stage from exploration to run, each use case a chip linking to its card.
 */
import {el} from "./dom.js";

export function lifecycleBoard(
  cards: readonly {id: string; name: string; stage: string; department: string}[],
  stages: readonly string[]
): HTMLElement {
  const board = el("div", {class: "carnet-board", role: "list"});
  board.append(el("style", {}, STYLE));
  for (const stage of stages) {
    const inStage = cards.filter((c) => c.stage === stage);
    const column = el("section", {class: "carnet-board-column", "data-stage": stage, role: "listitem"});
    column.append(
      el(
        "h3",
        {},
        `${stage[0].toUpperCase()}${stage.slice(1)} `,
        el("span", {class: "carnet-board-count"}, String(inStage.length))
      )
    );
    for (const card of inStage)
      column.append(el("a", {class: "carnet-board-chip", href: `#${card.id}`, title: card.department}, card.name));
    board.append(column);
  }
  return board;
}

const STYLE = `
.carnet-board { display: grid; grid-template-columns: repeat(auto-fit, minmax(105px, 1fr)); gap: 0.5rem; margin: 1rem 0; }
.carnet-board-column { background: var(--theme-background-alt, #f6f6f6); border-radius: 6px; padding: 0.5rem; min-height: 6rem; }
.carnet-board-column h3 { margin: 0 0 0.5rem; font-size: 0.9rem; }
.carnet-board-count { color: var(--theme-foreground-muted, #666); font-weight: normal; }
.carnet-board-chip { display: block; margin-bottom: 0.35rem; padding: 0.3rem 0.45rem; border-radius: 4px; background: var(--theme-background, white); border: solid 1px var(--theme-foreground-faintest, #ddd); font-size: 0.8rem; text-decoration: none; color: inherit; }
.carnet-board-chip:hover { border-color: var(--theme-foreground-focus, #3b82f6); }
`;
