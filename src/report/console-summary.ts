/**
 * The short table the CLI prints after a run: headline metrics (rows) by scope (columns:
 * overall, then each queue), each cell `mean ± halfWidth` with three decimals, `-` where a
 * metric is undefined; the routing counters (exceptions, moves) only when any is non-zero. Pure: returns the text; the CLI decides where it goes.
 */
import type { MetricEstimate, MetricName, ReplicationSummary } from "../metrics/types.ts";
import { formatNumber } from "./format-number.ts";
import type { RunDescription } from "./summary-json.ts";

/** The metrics shown by default. */
export const HEADLINE_METRICS: readonly MetricName[] = [
  "arrived",
  "assigned",
  "serviceLevel",
  "serviceLevelOfAnswered",
  "waitMean",
  "waitP90",
  "probabilityOfWait",
  "probabilityOfDelay",
  "abandonmentRate",
  "utilization",
  "queueLengthMean",
  "inSystemAtEnd",
];

/** Shown after the headline metrics when any scope has a non-zero mean (escalations, moves). */
export const ROUTING_METRICS: readonly MetricName[] = [
  "exceptionsTriggered",
  "jobsReclassified",
  "jobsMovedIn",
  "jobsMovedOut",
];

const CONSOLE_DECIMALS = 3;
const COLUMN_GAP = "  ";

/** The console table of `summary`, ending with a newline. */
export function renderConsoleSummary(
  run: RunDescription,
  summary: ReplicationSummary,
  metrics?: readonly MetricName[],
): string {
  const scopes = [
    { name: "overall", estimates: summary.overall },
    ...Object.entries(summary.queues).map(([id, estimates]) => ({
      name: `queue:${id}`,
      estimates,
    })),
  ];
  const shown = metrics ?? [
    ...HEADLINE_METRICS,
    ...ROUTING_METRICS.filter((metric) =>
      scopes.some((scope) => {
        const mean = scope.estimates[metric].mean;
        return Number.isFinite(mean) && mean !== 0;
      }),
    ),
  ];
  const header = ["metric", ...scopes.map((scope) => scope.name)];
  const body = shown.map((metric) => [
    metric,
    ...scopes.map((scope) => formatEstimate(scope.estimates[metric])),
  ]);
  const plural = summary.replications === 1 ? "" : "s";
  const title = `${run.scenario}: ${summary.replications} replication${plural}, mean ± 95% half-width`;
  return `${title}\n${alignColumns([header, ...body])}`;
}

function formatEstimate({ mean, halfWidth }: MetricEstimate): string {
  const meanText = formatNumber(mean, CONSOLE_DECIMALS) || "-";
  if (halfWidth === null || !Number.isFinite(halfWidth)) return meanText;
  return `${meanText} ± ${formatNumber(halfWidth, CONSOLE_DECIMALS)}`;
}

/** Rows of cells as left-aligned columns, one line each, trailing spaces trimmed. */
function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join(COLUMN_GAP)
      .trimEnd(),
  );
  return `${lines.join("\n")}\n`;
}
