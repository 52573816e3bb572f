/**
 * The report's style sheet: one readable column on a laptop screen, tiles and tables that wrap
 * on a narrow window, charts scaled to the column, and a print layout that keeps each chart on
 * one page. Colours carry meaning only together with words (`meets the target`).
 */

/** The CSS of report.html, after the @font-face rules. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --line: #d9dee5; --panel: #f6f8fa;
  --good: #17703a; --good-bg: #e6f4ea; --near: #8a5a00; --near-bg: #fff4d6; --bad: #b3261e;
  --bad-bg: #fde8e6; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 Arimo, Arial, "Liberation Sans", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 0 0 2px; }
p { margin: 0 0 10px; }
.description { font-size: 17px; color: var(--muted); margin-bottom: 16px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 4px 20px;
  margin: 0; padding: 12px 16px; background: var(--panel); border-radius: 6px; }
.facts div { display: flex; flex-direction: column; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.facts dd { margin: 0; font-weight: 700; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.tile .label { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.tile .value { font-size: 30px; font-weight: 700; line-height: 1.2; }
.tile .margin { font-size: 15px; font-weight: 400; color: var(--muted); }
.tile .note { font-size: 13px; color: var(--muted); }
.tile.good { border-color: var(--good); background: var(--good-bg); }
.tile.good .verdict { color: var(--good); font-weight: 700; }
.tile.near { border-color: var(--near); background: var(--near-bg); }
.tile.near .verdict { color: var(--near); font-weight: 700; }
.tile.bad { border-color: var(--bad); background: var(--bad-bg); }
.tile.bad .verdict { color: var(--bad); font-weight: 700; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
.queue-id { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
thead th { font-size: 13px; color: var(--muted); font-weight: 700; vertical-align: bottom;
  white-space: normal; }
figure { margin: 28px 0 0; break-inside: avoid; page-break-inside: avoid; }
figure .caption { color: var(--muted); margin-top: 6px; max-width: 720px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
figure .chart svg { display: block; width: 100%; height: auto; }
.notes li { margin-bottom: 6px; }
footer { margin-top: 36px; font-size: 13px; color: var(--muted); }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .tile, .facts { background: none !important; }
  .tiles { grid-template-columns: repeat(4, 1fr); }
  .tile .value { font-size: 22px; }
  .table-wrap { overflow: visible; }
  th, td { padding: 4px 6px; font-size: 9pt; }
}
`;
