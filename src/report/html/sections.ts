/**
 * The sections of report.html as HTML text: the run's facts, the KPI tiles, the per-queue table,
 * the charts and the reading notes. Every value from the scenario is escaped here.
 */
import type { MetricEstimate, ScopeEstimates } from "../../metrics/types.ts";
import type { ChartRun } from "../charts/chart-input.ts";
import { escapeHtml } from "./escape.ts";
import {
  count,
  duration,
  estimate,
  type Formatter,
  percent,
  utcTime,
  waitSeconds,
} from "./format.ts";

/** A chart drawn for the page. */
export interface RenderedChart {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  /** The chart's SVG, ids already unique in the page. */
  readonly svg: string;
}

/** The goal as a manager says it: `80% answered within 20 s`. */
function goalOf(run: ChartRun): string {
  const target = run.serviceLevelTarget * 100;
  const share = Number.isInteger(target) ? `${target}%` : percent(run.serviceLevelTarget);
  return `${share} answered within ${duration(run.serviceLevelThresholdSeconds)}`;
}

/** The run's facts as a definition list. */
export function factsHtml(run: ChartRun, ccsimVersion: string): string {
  const facts: [string, string][] = [
    ["Simulated day starts", utcTime(run.startTime)],
    ["Horizon", duration(run.horizonSeconds)],
    ["Warm-up (not measured)", duration(run.warmupSeconds)],
    ["Interval length", duration(run.intervalLengthSeconds)],
    ["Service-level target", goalOf(run)],
    ["Replications", String(run.replications)],
    ["Seed", String(run.seed)],
    ["ccsim version", ccsimVersion],
  ];
  const items = facts.map(
    ([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`,
  );
  return `<dl class="facts">${items.join("")}</dl>`;
}

/** Whether a service level meets its target: surely, within chance, or not. */
function verdictOf(level: MetricEstimate, target: number): "good" | "near" | "bad" {
  if (level.mean >= target) return "good";
  if (level.halfWidth !== null && level.mean + level.halfWidth >= target) return "near";
  return "bad";
}

const VERDICT_TEXT = {
  good: "Meets the target",
  near: "Below the target, within chance",
  bad: "Below the target",
} as const;

function tile(
  label: string,
  value: MetricEstimate,
  format: Formatter,
  note: string,
  tone = "",
): string {
  const [mean, margin] = estimate(value, format).split(" ± ");
  const marginHtml =
    margin === undefined ? "" : ` <span class="margin">± ${escapeHtml(margin)}</span>`;
  return [
    `<div class="tile${tone === "" ? "" : ` ${tone}`}">`,
    `<div class="label">${escapeHtml(label)}</div>`,
    `<div class="value">${escapeHtml(mean ?? "–")}${marginHtml}</div>`,
    `<div class="note">${note}</div>`,
    "</div>",
  ].join("");
}

/** The four headline figures over the whole center, the service level judged on its target. */
export function kpiTilesHtml(run: ChartRun, overall: ScopeEstimates): string {
  const level = overall.serviceLevel;
  const verdict = Number.isFinite(level.mean) ? verdictOf(level, run.serviceLevelTarget) : "";
  const goal = `target: ${escapeHtml(goalOf(run))}`;
  const levelNote =
    verdict === "" ? goal : `<span class="verdict">${VERDICT_TEXT[verdict]}</span><br>${goal}`;
  return `<div class="tiles">${[
    tile("Service level", level, percent, levelNote, verdict),
    tile(
      "Mean wait",
      overall.waitMean,
      waitSeconds,
      "of the answered contacts, before an agent took them",
    ),
    tile(
      "Abandonment",
      overall.abandonmentRate,
      percent,
      "of the arrivals hung up before an answer",
    ),
    tile(
      "Utilization",
      overall.utilization,
      percent,
      "of the staffed capacity in use (incl. wrap-up)",
    ),
  ].join("")}</div>`;
}

const QUEUE_COLUMNS: readonly [string, keyof ScopeEstimates, Formatter][] = [
  ["Arrived", "arrived", count],
  ["Service level", "serviceLevel", percent],
  ["Mean wait", "waitMean", waitSeconds],
  ["90% waited at most", "waitP90", waitSeconds],
  ["Abandonment", "abandonmentRate", percent],
  ["Utilization", "utilization", percent],
];

/** A queue's row heading: its name when the scenario gives one, with its id beside it. */
function queueHeading(queueId: string, queueNames: ReadonlyMap<string, string>): string {
  const name = queueNames.get(queueId);
  if (name === undefined || name === queueId) return escapeHtml(queueId);
  return `${escapeHtml(name)} <span class="queue-id">${escapeHtml(queueId)}</span>`;
}

/** One row per queue: arrivals, service level, waits, abandonment, utilization, each ± half-width. */
export function queueTableHtml(
  queues: Readonly<Record<string, ScopeEstimates>>,
  queueNames: ReadonlyMap<string, string> = new Map(),
): string {
  const head = QUEUE_COLUMNS.map(([label]) => `<th scope="col">${escapeHtml(label)}</th>`).join("");
  const rows = Object.entries(queues).map(([queueId, estimates]) => {
    const cells = QUEUE_COLUMNS.map(
      ([, metric, format]) => `<td>${escapeHtml(estimate(estimates[metric], format))}</td>`,
    );
    return `<tr><th scope="row">${queueHeading(queueId, queueNames)}</th>${cells.join("")}</tr>`;
  });
  return [
    '<div class="table-wrap"><table>',
    `<thead><tr><th scope="col">Queue</th>${head}</tr></thead>`,
    `<tbody>${rows.join("")}</tbody>`,
    "</table></div>",
  ].join("");
}

/** How much a chart may grow past its drawn size to fill the column: text stays readable
 * (vega's 10 px labels become at most 13.5 px) without a small chart turning huge. */
const MAX_CHART_ZOOM = 1.35;

/** The style that lets a chart fill the column up to {@link MAX_CHART_ZOOM} times its size. */
function chartSizeStyle(svg: string): string {
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  return Number.isFinite(width) && width > 0
    ? ` style="max-width: ${Math.round(width * MAX_CHART_ZOOM)}px"`
    : "";
}

/**
 * Charts the page shows in another form: the KPI chart's figures are the page's own tiles
 * (the chart stays in charts/ for slides and dashboards).
 */
const SHOWN_AS_HTML: ReadonlySet<string> = new Set(["kpis"]);

/**
 * Each chart with its one-sentence caption under it. The SVG carries its own title and
 * subtitle, so the heading is there for screen readers and the outline only, not drawn twice.
 */
export function chartsHtml(charts: readonly RenderedChart[]): string {
  return charts
    .filter((chart) => !SHOWN_AS_HTML.has(chart.name))
    .map((chart) =>
      [
        `<figure id="chart-${escapeHtml(chart.name)}">`,
        `<h3 class="visually-hidden">${escapeHtml(chart.title)}</h3>`,
        `<div class="chart"${chartSizeStyle(chart.svg)}>`,
        chart.svg,
        "</div>",
        `<figcaption class="caption">${escapeHtml(chart.caption)}</figcaption>`,
        "</figure>",
      ].join("\n"),
    )
    .join("\n");
}

/** What a band, a ± and the warm-up mean, for a reader new to simulation reports. */
export function readingNotesHtml(run: ChartRun): string {
  const warmup =
    run.warmupSeconds > 0
      ? `The first ${escapeHtml(duration(run.warmupSeconds))} are a warm-up: the simulated center starts empty, so contacts arriving then are left out of every figure (charts still show those intervals).`
      : "There is no warm-up: the simulated center starts empty at the opening time and every contact counts.";
  const notes = [
    `Every figure is the average over ${run.replications === 1 ? "one simulated run" : `${run.replications} independent simulated runs`} of the scenario (replications): the same staffing and the same expected demand, different random contacts.`,
    run.replications > 1
      ? "<strong>±</strong> and the shaded <strong>bands</strong> are 95% confidence intervals: if the simulation were repeated many times, the true average would lie in that range 19 times out of 20. A wide band means more replications would sharpen the figure."
      : "With one replication there is no ± and no band: run more replications (<code>--replications 10</code>) to see how sure each figure is.",
    `The <strong>service level</strong> is the share of arriving contacts answered within ${escapeHtml(duration(run.serviceLevelThresholdSeconds))}; contacts that hang up count as not answered in time.`,
    warmup,
    "Interval charts draw each interval as a block from its start to its end; times are UTC.",
  ];
  return `<ul class="notes">${notes.map((note) => `<li>${note}</li>`).join("")}</ul>`;
}
