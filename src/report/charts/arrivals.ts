/**
 * Arrivals per interval, stacked by what became of them: answered within the threshold, answered
 * later, abandoned, and (only when it happened) not answered otherwise. Bars run from the
 * interval's start to its end; the stacking is computed here (`base` to `top`), since Vega-Lite
 * does not stack bars that have an x2. One row of small multiples per queue when there are several.
 */
import type { IntervalSummaryRow } from "../../metrics/types.ts";
import type { Chart, ChartInput } from "./chart-input.ts";
import { bucketOf, perQueue, queueIdsOf, warmupLayers, warmupRows } from "./interval-data.ts";
import { type DataRow, kindIs, type Layer, layeredChartSpec } from "./layout.ts";
import { OUTCOME_COLOURS, outcomeColourEncoding } from "./theme.ts";
import { TIME_X2, timeX } from "./time-axis.ts";
import {
  durationText,
  intervalNoun,
  meansNote,
  replicationsPhrase,
  warmupNotes,
} from "./wording.ts";

/** Below this a difference of means is floating-point noise, not a contact. */
const NOISE = 1e-9;

/** One stacked outcome: its legend label, colour and count in an interval row. */
interface Outcome {
  readonly label: string;
  readonly colour: string;
  readonly count: (row: IntervalSummaryRow) => number;
  /** Shown only when it happened somewhere (a rare outcome need not clutter every legend). */
  readonly onlyWhenSeen?: true;
}

/** The outcomes, bottom of the stack first. */
export function arrivalOutcomes(thresholdSeconds: number): Outcome[] {
  return [
    {
      label: `answered within ${durationText(thresholdSeconds)}`,
      colour: OUTCOME_COLOURS.answeredWithinThreshold,
      count: (row) => row.answeredWithinThreshold,
    },
    {
      label: "answered later",
      colour: OUTCOME_COLOURS.answeredLater,
      count: (row) => row.answered - row.answeredWithinThreshold,
    },
    { label: "abandoned", colour: OUTCOME_COLOURS.abandoned, count: (row) => row.abandoned },
    {
      label: "not answered otherwise",
      colour: OUTCOME_COLOURS.notAnsweredOtherwise,
      count: (row) => row.arrivals - row.answered - row.abandoned,
      onlyWhenSeen: true,
    },
  ];
}

/** A count with floating-point noise rounded away; NaN stays NaN (left out by the caller). */
function denoised(count: number): number {
  return Math.abs(count) < NOISE ? 0 : count;
}

/** The arrivals chart. */
export function arrivalsChart(input: ChartInput): Chart {
  const { run, summary } = input;
  const interval = intervalNoun(run.intervalLengthSeconds);
  const threshold = durationText(run.serviceLevelThresholdSeconds);
  const queues = queueIdsOf(summary.intervals);
  const smallMultiples = queues.length > 1 ? perQueue(queues) : null;
  const outcomes = arrivalOutcomes(run.serviceLevelThresholdSeconds).filter(
    (outcome) =>
      outcome.onlyWhenSeen === undefined ||
      summary.intervals.some((row) => denoised(outcome.count(row)) > 0),
  );
  const otherwiseHappened = outcomes.some((outcome) => outcome.onlyWhenSeen);
  const rows = summary.intervals.flatMap((row) => {
    let base = 0;
    return outcomes.flatMap((outcome): DataRow[] => {
      const count = denoised(outcome.count(row));
      if (!Number.isFinite(count) || count === 0) return [];
      const stacked = { base, top: base + count };
      base += count;
      return [
        { kind: "outcome", ...bucketOf(run, row), outcome: outcome.label, count, ...stacked },
      ];
    });
  });
  const barLayer: Layer = {
    transform: [kindIs("outcome")],
    mark: { type: "rect", stroke: "white", strokeWidth: 0.5 },
    encoding: {
      // The bars cover most of the grey warm-up span, so warm-up intervals are paler too.
      opacity: { condition: { test: { field: "warmup", equal: true }, value: 0.45 }, value: 1 },
      x: timeX(run),
      x2: TIME_X2,
      y: { field: "base", type: "quantitative", title: "contacts arriving" },
      y2: { field: "top" },
      color: outcomeColourEncoding(outcomes),
    },
  };
  const title = `Arrivals per ${interval} and what became of them`;
  const caption =
    `Contacts arriving in each ${interval}, split into those answered within ${threshold}, ` +
    `answered later and abandoned (${summary.replications > 1 ? `means over ${replicationsPhrase(summary.replications)}` : "one replication"}).`;
  const spec = layeredChartSpec({
    frame: {
      title,
      subtitle: [
        `Contacts by the ${interval} they arrived in, stacked by outcome.`,
        ...(otherwiseHappened
          ? [
              "Not answered otherwise: cancelled, failed classification, or still waiting at the end.",
            ]
          : []),
        meansNote(summary.replications, "bars are stacked means"),
        ...warmupNotes(run, "Grey and paler bars"),
      ],
      description: caption,
    },
    rows: [...warmupRows(run, smallMultiples), ...rows],
    layers: [...warmupLayers(run), barLayer],
    smallMultiples,
  });
  return { name: "arrivals", title, caption, spec };
}
