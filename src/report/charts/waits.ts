/**
 * Share answered and share abandoned within x seconds, on the summary's wait grid, for all
 * contacts and (when there are several queues) each queue, with bands and a dashed line at the
 * service-level threshold. A curve on a grid, so here a line is right.
 */
import type { WaitCurveSummary } from "../../metrics/types.ts";
import type { Chart, ChartInput } from "./chart-input.ts";
import {
  type DataRow,
  estimateFields,
  HAS_BAND,
  kindIs,
  type Layer,
  layeredChartSpec,
} from "./layout.ts";
import { BAND_OPACITY, DASH, OUTCOME_COLOURS, REFERENCE_COLOUR } from "./theme.ts";
import { bandCaption, bandNote, durationText, hasBands } from "./wording.ts";

const QUEUE_SCOPE_PREFIX = "queue:";

/** The curves drawn: overall, then each queue's when there are several queues. */
export function drawnWaitCurves(curves: readonly WaitCurveSummary[]): WaitCurveSummary[] {
  const overall = curves.filter((curve) => curve.scope === "overall");
  const queues = curves.filter((curve) => curve.scope.startsWith(QUEUE_SCOPE_PREFIX));
  return queues.length > 1 ? [...overall, ...queues] : overall;
}

/** A scope as a reader names it: "all queues" or the queue's id. */
export function scopeLabel(scope: string): string {
  return scope.startsWith(QUEUE_SCOPE_PREFIX)
    ? scope.slice(QUEUE_SCOPE_PREFIX.length)
    : "all queues";
}

/** Round waits for the axis (a square-root scale's own ticks crowd the long waits). */
const WAIT_TICKS_SECONDS = [0, 10, 20, 30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200];

/** The round waits within the grid. */
function waitTicks(gridSeconds: readonly number[]): number[] {
  const longest = Math.max(0, ...gridSeconds);
  return WAIT_TICKS_SECONDS.filter((seconds) => seconds <= longest);
}

export const ANSWERED_WITHIN_LABEL = "answered within x";
export const ABANDONED_WITHIN_LABEL = "abandoned within x";

/** The waits chart. */
export function waitsChart(input: ChartInput): Chart {
  const { run, summary } = input;
  const threshold = durationText(run.serviceLevelThresholdSeconds);
  const curves = drawnWaitCurves(summary.waitCurves);
  const scopes = curves.map((curve) => scopeLabel(curve.scope));
  const limits = { min: 0, max: 1 };
  const curveRows = curves.flatMap((curve) =>
    curve.points.flatMap((point) =>
      (
        [
          [ANSWERED_WITHIN_LABEL, point.answeredWithin],
          [ABANDONED_WITHIN_LABEL, point.abandonedWithin],
        ] as const
      ).flatMap(([outcome, estimate]): DataRow[] => {
        const fields = estimateFields(estimate.mean, estimate.halfWidth, limits);
        return fields === undefined
          ? []
          : [
              {
                kind: "curve",
                scope: scopeLabel(curve.scope),
                waitSeconds: point.waitSeconds,
                outcome,
                ...fields,
              },
            ];
      }),
    ),
  );
  const thresholdRows: DataRow[] = scopes.map((scope) => ({
    kind: "threshold",
    scope,
    threshold: run.serviceLevelThresholdSeconds,
    label: threshold,
  }));
  // Square-root scale: the grid runs to long waits, while the threshold's neighbourhood (the
  // first seconds) is where the curves change most.
  const x = {
    field: "waitSeconds",
    type: "quantitative",
    title: "waiting time x (seconds, square-root scale)",
    scale: { type: "sqrt" },
    axis: { values: waitTicks(summary.waitGridSeconds) },
  } as const;
  const y = { type: "quantitative", title: "share of contacts", axis: { format: "%" } } as const;
  const colour = {
    field: "outcome",
    type: "nominal",
    title: null,
    legend: { symbolType: "stroke" },
    scale: {
      domain: [ANSWERED_WITHIN_LABEL, ABANDONED_WITHIN_LABEL],
      range: [OUTCOME_COLOURS.answeredWithinThreshold, OUTCOME_COLOURS.abandoned],
    },
  } as const;
  const curveLayers: Layer[] = [
    ...(hasBands(summary.replications)
      ? [
          {
            transform: [HAS_BAND],
            mark: { type: "area", opacity: BAND_OPACITY },
            encoding: {
              x,
              y: { ...y, field: "low", scale: { domain: [0, 1] } },
              y2: { field: "high" },
              color: colour,
            },
          } satisfies Layer,
        ]
      : []),
    {
      mark: { type: "line", strokeWidth: 2 },
      encoding: { x, y: { ...y, field: "mean", scale: { domain: [0, 1] } }, color: colour },
    },
  ];
  // Layers that share a filter are nested under it: with a filter per layer, Vega-Lite's data-flow
  // optimizer gives up on the small multiples with a warning.
  const layers: Layer[] = [
    {
      transform: [kindIs("threshold")],
      layer: [
        {
          mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: DASH, strokeWidth: 1.5 },
          encoding: { x: { ...x, field: "threshold" } },
        },
        {
          mark: {
            type: "text",
            align: "left",
            baseline: "top",
            dx: 4,
            dy: 4,
            color: REFERENCE_COLOUR,
          },
          encoding: { x: { ...x, field: "threshold" }, y: { value: 0 }, text: { field: "label" } },
        },
      ],
    },
    { transform: [kindIs("curve")], layer: curveLayers },
  ];
  const title = "Waiting times: answered and abandoned within x seconds";
  const caption =
    `Share of contacts answered, and share abandoned, within each waiting time; at ${threshold} ` +
    `the answered share is the service level; ${bandCaption(summary.replications, "bands")}.`;
  const spec = layeredChartSpec({
    frame: {
      title,
      subtitle: [
        `Share of contacts answered (or abandoned) within a wait of x; dashed line: the ${threshold} threshold.`,
        ...(run.warmupSeconds > 0 ? ["Contacts arriving after the warm-up."] : []),
        bandNote(summary.replications),
      ],
      description: caption,
    },
    rows: [...thresholdRows, ...curveRows],
    layers,
    smallMultiples: curves.length > 1 ? { field: "scope", values: scopes } : null,
  });
  return { name: "waits", title, caption, spec };
}
