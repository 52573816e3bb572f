/**
 * Jobs waiting per interval: the time-average number of contacts queued in each interval, per
 * queue, with its band.
 */
import type { Chart, ChartInput } from "./chart-input.ts";
import { queueMeasureSpec } from "./queue-measure-chart.ts";
import { bandCaption, bandNote, intervalNoun, warmupNotes } from "./wording.ts";

/** The jobs-waiting chart. */
export function queueLengthChart(input: ChartInput): Chart {
  const { run, summary } = input;
  const interval = intervalNoun(run.intervalLengthSeconds);
  const title = `Contacts waiting per ${interval}`;
  const caption =
    `Average number of contacts waiting in the queue (including offers still ringing) during ` +
    `each ${interval}; ${bandCaption(summary.replications)}.`;
  const spec = queueMeasureSpec({
    input,
    value: "queueLengthMean",
    limits: { min: 0 },
    axis: { title: "contacts waiting" },
    frame: {
      title,
      subtitle: [
        `Time-average number of contacts queued in each ${interval}.`,
        bandNote(summary.replications),
        ...warmupNotes(run),
      ],
      description: caption,
    },
  });
  return { name: "queue-length", title, caption, spec };
}
