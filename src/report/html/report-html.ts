/**
 * report.html: one self-contained page a contact-center manager reads without help: the
 * scenario, its KPI tiles, a table per queue, how to read the figures (before the charts that
 * need it), every chart with one sentence on what it shows, and how it was made. No script and no network: the SVGs are inline and Arimo
 * (the font the charts were laid out with) is embedded as data: URIs. Pure: data in, text out.
 */
import type { ReplicationSummary } from "../../metrics/types.ts";
import type { ChartRun } from "../charts/chart-input.ts";
import { escapeHtml } from "./escape.ts";
import {
  chartsHtml,
  factsHtml,
  kpiTilesHtml,
  queueTableHtml,
  type RenderedChart,
  readingNotesHtml,
} from "./sections.ts";
import { REPORT_CSS } from "./styles.ts";

export type { RenderedChart } from "./sections.ts";

/** Arimo's WOFF2 files (latin subset), regular and bold, as bytes. */
export interface ReportFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/** Everything report.html shows. */
export interface ReportInput {
  readonly run: ChartRun;
  readonly ccsimVersion: string;
  /** The scenario file as summary.json's provenance names it, if known. */
  readonly scenarioFile?: string;
  readonly summary: ReplicationSummary;
  /** Queue names by id where the scenario names them (the table shows name and id). */
  readonly queueNames?: ReadonlyMap<string, string>;
  readonly charts: readonly RenderedChart[];
  readonly fonts: ReportFonts;
}

function fontFace(weight: number, bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return `@font-face { font-family: Arimo; font-style: normal; font-weight: ${weight}; font-display: block; src: url(data:font/woff2;base64,${base64}) format("woff2"); }`;
}

function madeHow(input: ReportInput): string {
  const source =
    input.scenarioFile === undefined ? "" : ` from <code>${escapeHtml(input.scenarioFile)}</code>`;
  return [
    `Made by ccsim ${escapeHtml(input.ccsimVersion)}${source}: a discrete-event simulation of an`,
    ` Azure Communication Services Job Router contact center, ${input.run.replications}`,
    ` replication(s) from seed ${input.run.seed}. The same scenario, seed and version give the`,
    " same figures. Charts drawn with Vega-Lite; the data behind each is in",
    " <code>charts/&lt;name&gt;.vl.json</code> and the CSV files beside this report.",
  ].join("");
}

/** The text of report.html. */
export function renderReportHtml(input: ReportInput): string {
  const { run, summary, charts } = input;
  const title = `${run.scenario}: simulation report`;
  const description =
    run.description === undefined || run.description.trim() === ""
      ? ""
      : `<p class="description">${escapeHtml(run.description)}</p>`;
  const chartSection =
    charts.length === 0 ? "<p>No charts were drawn for this run.</p>" : chartsHtml(charts);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ccsim ${escapeHtml(input.ccsimVersion)}">
<title>${escapeHtml(title)}</title>
<style>
${fontFace(400, input.fonts.regular)}
${fontFace(700, input.fonts.bold)}
${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(run.scenario)}</h1>
${description}
${factsHtml(run, input.ccsimVersion)}
</header>
<section aria-labelledby="kpis">
<h2 id="kpis">At a glance</h2>
${kpiTilesHtml(run, summary.overall)}
</section>
<section aria-labelledby="queues">
<h2 id="queues">By queue</h2>
${queueTableHtml(summary.queues, input.queueNames)}
</section>
<section aria-labelledby="reading">
<h2 id="reading">How to read this report</h2>
${readingNotesHtml(run)}
</section>
<section aria-labelledby="charts">
<h2 id="charts">Charts</h2>
${chartSection}
</section>
<footer>${madeHow(input)}</footer>
</main>
</body>
</html>
`;
}
