/**
 * Public face of `report/staff/`: `ccsim staff`'s renderers (console, staffing.csv,
 * staffing.json) from a StaffingStudy. Pure text out.
 */
export { answerLines, renderStaffConsole, tableLines } from "./staff-console.ts";
export { decimalsOf, estimateText } from "./staff-numbers.ts";
export { renderStaffingCsv, STAFFING_CSV_COLUMNS } from "./staffing-csv.ts";
export {
  type CurveStudy,
  renderCurveConsole,
  renderStaffingIntervalsCsv,
  STAFFING_INTERVALS_CSV_COLUMNS,
} from "./staffing-intervals.ts";
export { renderStaffingJson } from "./staffing-json.ts";
export type { StaffingStudy } from "./staffing-study.ts";
