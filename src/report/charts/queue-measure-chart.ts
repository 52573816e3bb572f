/**
 * The chart of one interval value per queue (service level, occupancy, jobs waiting): each
 * interval's mean as a segment from its start to its end, its confidence band as a rectangle
 * behind it, one colour per queue, and one row of small multiples per queue beyond three queues.
 */
import type { TopLevelSpec } from "vega-lite";
import type { IntervalValueName } from "../../metrics/types.ts";
import type { ChartInput } from "./chart-input.ts";
import { measureRows, perQueue, queueIdsOf, warmupLayers, warmupRows } from "./interval-data.ts";
import {
  type BandLimits,
  type DataRow,
  HAS_BAND,
  kindIs,
  type Layer,
  layeredChartSpec,
  type SmallMultiples,
} from "./layout.ts";
import { BAND_OPACITY, type ChartFrame, categoryColours } from "./theme.ts";
import { TIME_X2, timeX } from "./time-axis.ts";
import { hasBands } from "./wording.ts";

/** With more queues than this, each queue gets its own row of small multiples. */
export const MAX_QUEUES_IN_ONE_VIEW = 3;

/** Whether per-queue charts split into small multiples for this many queues. */
export function queuesInSmallMultiples(queueCount: number): boolean {
  return queueCount > MAX_QUEUES_IN_ONE_VIEW;
}

/** The y axis of the value. */
export interface ValueAxis {
  readonly title: string;
  /** d3 number format of the labels, e.g. "%" for shares. */
  readonly format?: string;
  readonly domain?: [number, number];
}

/** What a queue-measure chart shows. */
export interface QueueMeasureChart {
  readonly input: ChartInput;
  readonly value: IntervalValueName;
  readonly limits: BandLimits;
  readonly axis: ValueAxis;
  readonly frame: ChartFrame;
  /** Reference rows (one per small multiple, or one) and the layers that draw them. */
  readonly reference?: {
    readonly rows: (smallMultiples: SmallMultiples | null) => DataRow[];
    readonly layers: (axis: ValueAxis) => Layer[];
  };
}

/** The y encoding of `field` on the value's axis (every layer repeats it, so titles agree). */
export function valueY(field: string, axis: ValueAxis) {
  return {
    field,
    type: "quantitative",
    title: axis.title,
    ...(axis.domain === undefined ? {} : { scale: { domain: axis.domain } }),
    ...(axis.format === undefined ? {} : { axis: { format: axis.format } }),
  } as const;
}

/** The spec of a queue-measure chart. */
export function queueMeasureSpec(chart: QueueMeasureChart): TopLevelSpec {
  const { run, summary } = chart.input;
  const queues = queueIdsOf(summary.intervals);
  const smallMultiples = queuesInSmallMultiples(queues.length) ? perQueue(queues) : null;
  const colour = {
    field: "queue",
    type: "nominal",
    title: "queue",
    scale: { domain: queues, range: categoryColours(queues.length) },
    // One queue needs no key; small multiples name their queue in each row's header.
    legend: queues.length > 1 && smallMultiples === null ? { symbolType: "stroke" } : null,
  } as const;
  const bandLayers: Layer[] = hasBands(summary.replications)
    ? [
        {
          transform: [kindIs("measure"), HAS_BAND],
          mark: { type: "rect", opacity: BAND_OPACITY },
          encoding: {
            x: timeX(run),
            x2: TIME_X2,
            y: valueY("low", chart.axis),
            y2: { field: "high" },
            color: colour,
          },
        },
      ]
    : [];
  const meanLayer: Layer = {
    transform: [kindIs("measure")],
    mark: { type: "rule", strokeWidth: 2.5 },
    encoding: {
      x: timeX(run),
      x2: TIME_X2,
      y: valueY("mean", chart.axis),
      color: colour,
    },
  };
  return layeredChartSpec({
    frame: chart.frame,
    rows: [
      ...warmupRows(run, smallMultiples),
      ...(chart.reference?.rows(smallMultiples) ?? []),
      ...measureRows(run, summary.intervals, chart.value, chart.limits),
    ],
    layers: [
      ...warmupLayers(run),
      ...bandLayers,
      ...(chart.reference?.layers(chart.axis) ?? []),
      meanLayer,
    ],
    smallMultiples,
  });
}
