/**
 * Renderers of `ccsim compare`'s outputs, pure functions of the Comparison: comparison.csv
 * (`variant,scope,metric,mean,halfWidth`, every estimated metric), differences.csv (the judged
 * differences with their adjusted intervals and verdicts), comparison.json, and the console's
 * side-by-side table. One module each; metric-units.ts says which metric is a share or seconds.
 */
export { adjustmentWords, renderComparisonConsole } from "./comparison-console.ts";
export { COMPARISON_CSV_COLUMNS, renderComparisonCsv } from "./comparison-csv.ts";
export { renderComparisonJson } from "./comparison-json.ts";
export { DIFFERENCES_CSV_COLUMNS, renderDifferencesCsv } from "./differences-csv.ts";
export { COMPARED_METRIC_UNITS, differenceUnitWords, type MetricUnit } from "./metric-units.ts";
