/**
 * Renderers of `ccsim sweep`'s outputs, pure functions of the SweepResults: sweep.csv (the
 * swept fields' values, then `scope,metric,mean,halfWidth`), sweep.json and the console's table
 * of one row per point. The chart is report/charts/sweep.ts.
 */
export { renderSweepConsole } from "./sweep-console.ts";
export { renderSweepCsv, SWEEP_CSV_COLUMNS } from "./sweep-csv.ts";
export { renderSweepJson } from "./sweep-json.ts";
export {
  pointLabel,
  type SimulatedPoint,
  type SweepFieldDescription,
  type SweepPointResult,
  type SweepResults,
  sweepResultsOf,
} from "./sweep-results.ts";
