/**
 * Every chart of a run, in report order. Pure: from a ChartInput to Vega-Lite specs, no
 * rendering (see src/report/render/ for SVG and PNG). One module per chart; theme.ts holds the
 * shared look, layout.ts and interval-data.ts the shared data and layout.
 */
import { arrivalsChart } from "./arrivals.ts";
import type { Chart, ChartInput } from "./chart-input.ts";
import { kpisChart } from "./kpis.ts";
import { occupancyChart } from "./occupancy.ts";
import { offersChart } from "./offers.ts";
import { queueLengthChart } from "./queue-length.ts";
import { serviceLevelChart } from "./service-level.ts";
import { staffingChart } from "./staffing.ts";
import { utilizationChart } from "./utilization.ts";
import { waitsChart } from "./waits.ts";

export type { Chart, ChartInput, ChartRun, ErlangRequirement } from "./chart-input.ts";

/** The chart builders, in the order the report shows them. */
const CHARTS: readonly ((input: ChartInput) => Chart)[] = [
  kpisChart,
  serviceLevelChart,
  arrivalsChart,
  staffingChart,
  occupancyChart,
  queueLengthChart,
  waitsChart,
  utilizationChart,
  offersChart,
];

/** The charts of a run, in the order the report shows them. */
export function chartsOf(input: ChartInput): Chart[] {
  return CHARTS.map((chart) => chart(input));
}
