/** report.html: the self-contained page of a run (pure; the CLI writes it). */
export { escapeHtml } from "./escape.ts";
export {
  type RenderedChart,
  type ReportFonts,
  type ReportInput,
  renderReportHtml,
} from "./report-html.ts";
