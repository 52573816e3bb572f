/**
 * The report renderers: pure functions from the replication summary to the text of each output
 * file and of the console table. No file system, no console.
 */
export { HEADLINE_METRICS, ROUTING_METRICS, renderConsoleSummary } from "./console-summary.ts";
export { formatNumber } from "./format-number.ts";
export { INTERVALS_CSV_COLUMNS, renderIntervalsCsv } from "./intervals-csv.ts";
export { type JsonValue, toJsonText } from "./json-text.ts";
export { namedScopes, renderSummaryCsv, SUMMARY_CSV_COLUMNS } from "./summary-csv.ts";
export {
  type Provenance,
  type RunDescription,
  renderSummaryJson,
  type TraceProvenance,
} from "./summary-json.ts";
export { renderWaitsCsv, WAITS_CSV_COLUMNS } from "./waits-csv.ts";
export { renderWorkersCsv, WORKERS_CSV_COLUMNS } from "./workers-csv.ts";
