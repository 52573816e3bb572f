/**
 * Staffing per interval: workers staffed (registered capacity), workers busy and the offered
 * load in workers (Erlangs), each with its band, and the Erlang requirement (dashed) where the
 * scenario allows one; the subtitle says the method, or why there is none. One row of small
 * multiples per queue when there are several.
 */
import type { IntervalSummaryRow, IntervalValueName } from "../../metrics/types.ts";
import type { Chart, ChartInput, ErlangRequirement } from "./chart-input.ts";
import {
  bucketOf,
  measureRows,
  perQueue,
  queueIdsOf,
  warmupLayers,
  warmupRows,
} from "./interval-data.ts";
import { type DataRow, HAS_BAND, kindIs, type Layer, layeredChartSpec } from "./layout.ts";
import { BAND_OPACITY, DASH, OUTCOME_COLOURS } from "./theme.ts";
import { TIME_X2, timeX } from "./time-axis.ts";
import { bandCaption, bandNote, hasBands, intervalNoun, warmupNotes } from "./wording.ts";

/** A measured series: its legend label, colour and interval value. */
interface MeasuredSeries {
  readonly label: string;
  readonly colour: string;
  readonly value: IntervalValueName;
}

export const MEASURED_SERIES: readonly MeasuredSeries[] = [
  { label: "staffed", colour: OUTCOME_COLOURS.staffed, value: "staffedWorkers" },
  { label: "busy", colour: OUTCOME_COLOURS.busy, value: "busyWorkers" },
  { label: "offered load", colour: OUTCOME_COLOURS.offeredLoad, value: "offeredLoad" },
];

export const ERLANG_SERIES_LABEL = "Erlang requirement";

/** The rows of the Erlang requirement of every queue that has one (no band: it is computed). */
function erlangRows(input: ChartInput, intervals: readonly IntervalSummaryRow[]): DataRow[] {
  return intervals.flatMap((row) => {
    const requirement = input.erlang.get(row.queueId);
    if (requirement === undefined || !requirement.available) return [];
    const agents = requirement.agentsByIntervalStart.get(row.intervalStartSeconds);
    if (agents === undefined || !Number.isFinite(agents)) return [];
    return [
      { kind: "erlang", ...bucketOf(input.run, row), series: ERLANG_SERIES_LABEL, mean: agents },
    ];
  });
}

/**
 * The subtitle lines on the Erlang requirement: its method, or why there is none, once for all
 * the queues that share the sentence.
 */
export function erlangNotes(
  erlang: ReadonlyMap<string, ErlangRequirement>,
  queues: readonly string[],
): string[] {
  const notes = new Map<
    string,
    { readonly drawn: boolean; readonly sentence: string; readonly queues: string[] }
  >();
  for (const queue of queues) {
    const requirement = erlang.get(queue);
    const drawn = requirement?.available === true;
    const sentence =
      requirement === undefined
        ? "none was computed."
        : requirement.available
          ? requirement.method
          : requirement.reason;
    const key = JSON.stringify([drawn, sentence]);
    const note = notes.get(key) ?? { drawn, sentence, queues: [] };
    note.queues.push(queue);
    notes.set(key, note);
  }
  return [...notes.values()].map(({ drawn, sentence, queues: noteQueues }) => {
    const which = queues.length === 1 ? "" : ` for ${noteQueues.join(", ")}`;
    return drawn
      ? `${ERLANG_SERIES_LABEL} (dashed)${which}: ${sentence}`
      : `No ${ERLANG_SERIES_LABEL}${which}: ${sentence}`;
  });
}

/** The staffing chart. */
export function staffingChart(input: ChartInput): Chart {
  const { run, summary } = input;
  const interval = intervalNoun(run.intervalLengthSeconds);
  const queues = queueIdsOf(summary.intervals);
  const smallMultiples = queues.length > 1 ? perQueue(queues) : null;
  const erlang = erlangRows(input, summary.intervals);
  const series = [
    ...MEASURED_SERIES.map(({ label, colour }) => ({ label, colour, dash: [1, 0] })),
    ...(erlang.length > 0
      ? [{ label: ERLANG_SERIES_LABEL, colour: OUTCOME_COLOURS.erlangRequirement, dash: DASH }]
      : []),
  ];
  const domain = series.map((entry) => entry.label);
  const colour = {
    field: "series",
    type: "nominal",
    title: null,
    legend: { symbolType: "stroke" },
    scale: { domain, range: series.map((entry) => entry.colour) },
  } as const;
  const y = { field: "mean", type: "quantitative", title: "workers" } as const;
  const bandLayer: Layer = {
    transform: [kindIs("measure"), HAS_BAND],
    mark: { type: "rect", opacity: BAND_OPACITY },
    encoding: {
      x: timeX(run),
      x2: TIME_X2,
      y: { ...y, field: "low" },
      y2: { field: "high" },
      color: colour,
    },
  };
  const meanLayer: Layer = {
    transform: [{ filter: { field: "kind", oneOf: ["measure", "erlang"] } }],
    mark: { type: "rule", strokeWidth: 2.5 },
    encoding: {
      x: timeX(run),
      x2: TIME_X2,
      y,
      color: colour,
      strokeDash: {
        field: "series",
        type: "nominal",
        title: null,
        legend: { symbolType: "stroke" },
        scale: { domain, range: series.map((entry) => entry.dash) },
      },
    },
  };
  const measured = MEASURED_SERIES.flatMap(({ label, value }) =>
    measureRows(run, summary.intervals, value, { min: 0 }, () => ({ series: label })),
  );
  const title = `Staffing per ${interval}`;
  const caption =
    `Agents logged in, agents busy and the workload offered (in agents) in each ${interval}` +
    `${erlang.length > 0 ? ", with the agents Erlang C asks for" : ""}; ` +
    `${bandCaption(summary.replications, "bands")}.`;
  const spec = layeredChartSpec({
    frame: {
      title,
      subtitle: [
        `Workers staffed (logged in) and busy, and the offered load in workers (Erlangs), per ${interval}.`,
        ...erlangNotes(input.erlang, queues),
        bandNote(summary.replications),
        ...warmupNotes(run),
      ],
      description: caption,
    },
    rows: [...warmupRows(run, smallMultiples), ...measured, ...erlang],
    layers: [
      ...warmupLayers(run),
      ...(hasBands(summary.replications) ? [bandLayer] : []),
      meanLayer,
    ],
    smallMultiples,
  });
  return { name: "staffing", title, caption, spec };
}
