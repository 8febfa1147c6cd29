/**
 * The largest segments of a table by the sum of one column (premium, expected claims...), for charts that cannot
 * show every contract. Sums and ranking run in arquero; ties keep the segments' order of first appearance.
 * Expressions are arquero text, so the module runs on whichever arquero made the table (see ../arrow.ts).
 */
import type {ColumnTable} from "arquero";

/** The `count` segments with the largest sum of `column`, largest first, and how many segments there are. */
export function largestSegments(
  cells: ColumnTable,
  column: string,
  count: number
): {segments: string[]; total: number} {
  const sums = cells.groupby("segment").rollup({value: `d => op.sum(d[${JSON.stringify(column)}])`});
  const segments = sums
    .orderby((d: {value: number}) => -d.value)
    .slice(0, count)
    .array("segment") as string[];
  return {segments: [...segments], total: sums.numRows()};
}
