/**
 * Occupancy per interval: the share of the staffed capacity that was busy (busy / staffed
 * workers), per queue, with its band, on a 0–100% axis.
 */
import type { Chart, ChartInput } from "./chart-input.ts";
import { queueMeasureSpec } from "./queue-measure-chart.ts";
import { bandCaption, bandNote, intervalNoun, warmupNotes } from "./wording.ts";

/** The occupancy chart. */
export function occupancyChart(input: ChartInput): Chart {
  const { run, summary } = input;
  const interval = intervalNoun(run.intervalLengthSeconds);
  const title = `Occupancy per ${interval}`;
  const caption =
    `Share of the staffed agents' time spent on contacts (offers ringing, talking, wrap-up) in each ` +
    `${interval}; ${bandCaption(summary.replications)}.`;
  const spec = queueMeasureSpec({
    input,
    value: "occupancy",
    limits: { min: 0, max: 1 },
    axis: { title: "busy / staffed", format: "%", domain: [0, 1] },
    frame: {
      title,
      subtitle: [
        `Busy workers divided by staffed workers in each ${interval} (time averages).`,
        bandNote(summary.replications),
        ...warmupNotes(run),
      ],
      description: caption,
    },
  });
  return { name: "occupancy", title, caption, spec };
}
