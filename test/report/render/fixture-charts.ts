/**
 * Throwaway charts for the render, report and CLI tests, standing in for the real specs of
 * src/report/charts/: a layered temporal rect/rule chart with a band and a target line, a stacked
 * bar chart with a colour legend, and a faceted chart. Plus a small run and summary to draw.
 */
import {
  INTERVAL_VALUE_NAMES,
  type IntervalSummaryRow,
  type ReplicationSummary,
} from "../../../src/metrics/types.ts";
import type { Chart, ChartInput, ChartRun } from "../../../src/report/charts/index.ts";
import { instantAt } from "../../../src/report/charts/time-axis.ts";
import { scope } from "../fixtures.ts";

export const FIXTURE_RUN: ChartRun = {
  scenario: "fixture-day",
  description: "Two queues over four hours",
  seed: 7,
  replications: 5,
  horizonSeconds: 4 * 3600,
  warmupSeconds: 1800,
  serviceLevelThresholdSeconds: 20,
  serviceLevelTarget: 0.8,
  startTime: "2026-03-02T08:00:00Z",
  intervalLengthSeconds: 1800,
};

function intervalRow(queueId: string, index: number): IntervalSummaryRow {
  const values = Object.fromEntries(INTERVAL_VALUE_NAMES.map((name) => [name, 0])) as Record<
    (typeof INTERVAL_VALUE_NAMES)[number],
    number
  >;
  const arrivals = 40 + 10 * index + (queueId === "sales" ? 5 : 0);
  const abandoned = 2 + (index % 3);
  const answeredWithinThreshold = Math.round(arrivals * (0.7 + 0.03 * index));
  Object.assign(values, {
    arrivals,
    answered: arrivals - abandoned,
    abandoned,
    answeredWithinThreshold,
    serviceLevel: answeredWithinThreshold / arrivals,
    busyWorkers: 5 + index,
  });
  const halfWidths = Object.fromEntries(
    INTERVAL_VALUE_NAMES.map((name) => [name, name === "serviceLevel" ? 0.05 : 1]),
  ) as IntervalSummaryRow["halfWidths"];
  return {
    intervalStartSeconds: index * 1800,
    intervalEndSeconds: (index + 1) * 1800,
    queueId,
    startsInWarmup: index === 0,
    ...values,
    halfWidths,
  };
}

const OVERALL = scope({
  arrived: { mean: 812.4, halfWidth: 12.5 },
  serviceLevel: { mean: 0.7712, halfWidth: 0.041 },
  waitMean: { mean: 14.25, halfWidth: 2.5 },
  waitP90: { mean: 41, halfWidth: 4 },
  abandonmentRate: { mean: 0.052, halfWidth: 0.006 },
  utilization: { mean: 0.861, halfWidth: 0.012 },
});

/** A summary of two queues `sales` and `<support & "care">` (a name that needs escaping). */
export const FIXTURE_SUMMARY: ReplicationSummary = {
  replications: 5,
  overall: OVERALL,
  queues: { sales: OVERALL, '<support & "care">': OVERALL },
  arrivals: {},
  intervals: [0, 1, 2, 3, 4, 5, 6, 7].flatMap((index) => [
    intervalRow("sales", index),
    intervalRow('<support & "care">', index),
  ]),
  workers: [],
  waitGridSeconds: [],
  waitCurves: [],
};

export const FIXTURE_INPUT: ChartInput = {
  run: FIXTURE_RUN,
  summary: FIXTURE_SUMMARY,
  erlang: new Map(),
};

/** The three fixture charts, drawn from `input` (any summary with interval rows). */
export function fixtureChartsOf(input: ChartInput): Chart[] {
  const { run, summary } = input;
  const rows = summary.intervals.map((row) => ({
    queue: row.queueId,
    start: instantAt(run, row.intervalStartSeconds),
    end: instantAt(run, row.intervalEndSeconds),
    serviceLevel: row.serviceLevel,
    low: Math.max(0, row.serviceLevel - (row.halfWidths.serviceLevel ?? 0)),
    high: Math.min(1, row.serviceLevel + (row.halfWidths.serviceLevel ?? 0)),
    withinThreshold: row.answeredWithinThreshold ?? 0,
    later: row.answered - (row.answeredWithinThreshold ?? 0),
    abandoned: row.abandoned,
    busy: row.busyWorkers,
  }));
  const time = {
    type: "temporal",
    scale: { type: "utc" },
    axis: { format: "%H:%M" },
    title: "Time of day (UTC)",
  } as const;
  return [
    {
      name: "service-level",
      title: "Service level per interval",
      caption:
        "The share of contacts answered within the threshold in each interval, with its band.",
      spec: {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        width: 640,
        height: 220,
        data: { values: rows },
        layer: [
          {
            mark: { type: "rect", opacity: 0.25 },
            encoding: {
              x: { field: "start", ...time },
              x2: { field: "end" },
              y: {
                field: "low",
                type: "quantitative",
                title: "Answered within 20 s",
                axis: { format: "%" },
              },
              y2: { field: "high" },
              color: { field: "queue", type: "nominal", title: "Queue" },
            },
          },
          {
            mark: { type: "rule", strokeWidth: 2 },
            encoding: {
              x: { field: "start", ...time },
              x2: { field: "end" },
              y: { field: "serviceLevel", type: "quantitative" },
              color: { field: "queue", type: "nominal", title: "Queue" },
            },
          },
          {
            data: { values: [{ target: run.serviceLevelTarget }] },
            mark: { type: "rule", strokeDash: [4, 4], color: "black" },
            encoding: { y: { field: "target", type: "quantitative" } },
          },
        ],
      },
    },
    {
      name: "arrivals",
      title: "Arrivals per interval by outcome",
      caption: "How many contacts arrived in each interval and what became of them.",
      spec: {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        width: 640,
        height: 220,
        data: { values: rows },
        transform: [
          { fold: ["withinThreshold", "later", "abandoned"], as: ["outcome", "contacts"] },
          {
            aggregate: [{ op: "sum", field: "contacts", as: "contacts" }],
            groupby: ["start", "end", "outcome"],
          },
        ],
        mark: "rect",
        encoding: {
          x: { field: "start", ...time },
          x2: { field: "end" },
          y: { field: "contacts", type: "quantitative", stack: "zero", title: "Contacts" },
          color: {
            field: "outcome",
            type: "nominal",
            title: "Outcome",
            scale: {
              domain: ["withinThreshold", "later", "abandoned"],
              range: ["#2e7d32", "#f9a825", "#c62828"],
            },
            legend: {
              labelExpr:
                "{withinThreshold: 'Answered within 20 s', later: 'Answered later', abandoned: 'Abandoned'}[datum.label]",
            },
          },
        },
      },
    },
    {
      name: "busy-by-queue",
      title: "Busy agents per interval, by queue",
      caption: "How many agents were busy with each queue's contacts in each interval.",
      spec: {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        data: { values: rows },
        facet: { row: { field: "queue", type: "nominal", title: "Queue" } },
        spec: {
          width: 640,
          height: 120,
          mark: { type: "rect", clip: true },
          encoding: {
            x: { field: "start", ...time },
            x2: { field: "end" },
            y: { field: "busy", type: "quantitative", title: "Busy agents" },
          },
        },
      },
    },
  ];
}
