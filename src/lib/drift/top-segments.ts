/**
 * The largest segments of a table by the sum of one column (premium, expected claims...), for charts that cannot
 * show every contract. Sums and ranking run in arquero; ties keep the segments' order of first appearance.
 */
import {desc, op, type ColumnTable} from "arquero";

/** The `count` segments with the largest sum of `column`, largest first, and how many segments there are. */
export function largestSegments(
  cells: ColumnTable,
  column: string,
  count: number
): {segments: string[]; total: number} {
  const sums = cells.groupby("segment").rollup({value: op.sum(column)});
  const segments = sums.orderby(desc("value")).slice(0, count).array("segment") as string[];
  return {segments: [...segments], total: sums.numRows()};
}
