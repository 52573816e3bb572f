/**
 * Every chart of a run, in report order. Pure: from a ChartInput to Vega-Lite specs, no
 * rendering (see src/report/render/ for SVG and PNG).
 */
import type { Chart, ChartInput } from "./chart-input.ts";

export type { Chart, ChartInput, ChartRun, ErlangRequirement } from "./chart-input.ts";

/** The charts of a run, in the order the report shows them. */
export function chartsOf(_input: ChartInput): Chart[] {
  return []; // filled in by the chart modules (issue 9, in progress)
}
