/**
 * Service level per interval against the target: the share of each interval's arrivals answered
 * within the threshold, per queue, with its band and a dashed line at the target.
 */
import type { Chart, ChartInput } from "./chart-input.ts";
import { type DataRow, kindIs, type Layer, type SmallMultiples } from "./layout.ts";
import { queueMeasureSpec, type ValueAxis, valueY } from "./queue-measure-chart.ts";
import { DASH, REFERENCE_COLOUR } from "./theme.ts";
import { instantAt, timeX } from "./time-axis.ts";
import {
  bandCaption,
  bandNote,
  durationText,
  intervalNoun,
  percentText,
  warmupNotes,
} from "./wording.ts";

/** The service-level chart. */
export function serviceLevelChart(input: ChartInput): Chart {
  const { run, summary } = input;
  const threshold = durationText(run.serviceLevelThresholdSeconds);
  const target = percentText(run.serviceLevelTarget);
  const interval = intervalNoun(run.intervalLengthSeconds);
  const title = `Service level per ${interval}`;
  const caption =
    `Share of contacts answered within ${threshold} in each ${interval}, against the ${target} ` +
    `target; ${bandCaption(summary.replications)}.`;
  const targetRows = (smallMultiples: SmallMultiples | null): DataRow[] => {
    const row = {
      kind: "target",
      target: run.serviceLevelTarget,
      label: `target ${target}`,
      // The label sits just right of the plot, where no interval can hide it (the last
      // interval ends at the horizon).
      at: instantAt(run, run.horizonSeconds),
    };
    return smallMultiples === null
      ? [row]
      : smallMultiples.values.map((value) => ({ ...row, [smallMultiples.field]: value }));
  };
  const targetLayers = (axis: ValueAxis): Layer[] => [
    {
      transform: [kindIs("target")],
      mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: DASH, strokeWidth: 1.5 },
      encoding: { y: valueY("target", axis) },
    },
    {
      transform: [kindIs("target")],
      mark: { type: "text", align: "left", baseline: "middle", dx: 4, color: REFERENCE_COLOUR },
      encoding: { x: timeX(run, "at"), y: valueY("target", axis), text: { field: "label" } },
    },
  ];
  const spec = queueMeasureSpec({
    input,
    value: "serviceLevel",
    limits: { min: 0, max: 1 },
    axis: { title: `answered within ${threshold}`, format: "%", domain: [0, 1] },
    frame: {
      title,
      subtitle: [
        `Contacts answered within ${threshold} / contacts arriving, per ${interval}; dashed line: the ${target} target.`,
        bandNote(summary.replications),
        ...warmupNotes(run),
      ],
      description: caption,
    },
    reference: { rows: targetRows, layers: targetLayers },
  });
  return { name: "service-level", title, caption, spec };
}
