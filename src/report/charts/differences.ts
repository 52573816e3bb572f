/**
 * The chart of `ccsim compare`: every judged difference (variant − baseline) as a point with its
 * adjusted interval, one panel per metric with its own scale and a zero line, coloured by
 * verdict, in the charts' theme. Pure: Comparison in, spec out.
 *
 * INTERFACE (issue 10, lead): signature fixed; the compare-renderers helper implements it.
 */
import type { Comparison } from "../../comparison/index.ts";
import type { Chart } from "./chart-input.ts";

/** The differences chart (file name `differences`). */
export function differencesChart(comparison: Comparison, scenario: string): Chart {
  void [comparison, scenario];
  throw new Error("differencesChart: not implemented yet (issue 10, compare-renderers)");
}
