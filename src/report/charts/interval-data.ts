/**
 * Interval rows as chart data: each interval a bucket from its start to its end (ISO instants in
 * UTC), its estimates, and the shaded warm-up span drawn behind every per-interval chart.
 */
import type { IntervalSummaryRow, IntervalValueName } from "../../metrics/types.ts";
import type { ChartRun } from "./chart-input.ts";
import {
  type BandLimits,
  type DataRow,
  estimateFields,
  kindIs,
  type Layer,
  type SmallMultiples,
} from "./layout.ts";
import { WARMUP_FILL } from "./theme.ts";
import { instantAt, TIME_X2, timeX } from "./time-axis.ts";

/** The queues of the intervals, in the order the summary lists them (scenario order). */
export function queueIdsOf(intervals: readonly IntervalSummaryRow[]): string[] {
  return [...new Set(intervals.map((row) => row.queueId))];
}

/** Small multiples with one row per queue. */
export function perQueue(queues: readonly string[]): SmallMultiples {
  return { field: "queue", values: queues };
}

/** Where a row sits in time: its queue, seconds, ISO instants and whether it is warm-up. */
export function bucketOf(run: ChartRun, row: IntervalSummaryRow): DataRow {
  return {
    queue: row.queueId,
    intervalStartSeconds: row.intervalStartSeconds,
    start: instantAt(run, row.intervalStartSeconds),
    end: instantAt(run, row.intervalEndSeconds),
    warmup: row.startsInWarmup,
  };
}

/** The `measure` rows of one interval value, one per interval with a defined mean. */
export function measureRows(
  run: ChartRun,
  intervals: readonly IntervalSummaryRow[],
  value: IntervalValueName,
  limits: BandLimits,
  extra: (row: IntervalSummaryRow) => DataRow = () => ({}),
): DataRow[] {
  return intervals.flatMap((row) => {
    const estimate = estimateFields(row[value], row.halfWidths[value], limits);
    return estimate === undefined
      ? []
      : [{ kind: "measure", ...bucketOf(run, row), ...extra(row), ...estimate }];
  });
}

/**
 * One `warmup` row per small multiple (the row must carry the multiple's field) or one for a
 * single view; none when the run has no warm-up.
 */
export function warmupRows(run: ChartRun, smallMultiples: SmallMultiples | null): DataRow[] {
  if (run.warmupSeconds <= 0) return [];
  const span = {
    kind: "warmup",
    start: instantAt(run, 0),
    end: instantAt(run, Math.min(run.warmupSeconds, run.horizonSeconds)),
  };
  return smallMultiples === null
    ? [span]
    : smallMultiples.values.map((value) => ({ ...span, [smallMultiples.field]: value }));
}

/** The grey span of the warm-up, to put first (behind everything); none without warm-up. */
export function warmupLayers(run: ChartRun): Layer[] {
  if (run.warmupSeconds <= 0) return [];
  return [
    {
      transform: [kindIs("warmup")],
      mark: { type: "rect", color: WARMUP_FILL },
      encoding: { x: timeX(run), x2: TIME_X2, y: { value: 0 }, y2: { value: "height" } },
    },
  ];
}
