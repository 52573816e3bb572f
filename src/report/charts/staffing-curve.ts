/**
 * The chart of `ccsim staff --per-interval`: the day's staffing curve against its arrivals, two
 * panels on run's time axis (the UTC clock from the scenario's startTime): calls per hour in each
 * interval above; the searched agents per interval (a step line coloured by whether the interval
 * meets the targets) and Erlang's per-interval count (dashed) below. Pure: CurveStudy in, spec out.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CurveStudy } from "../staff/staffing-intervals.ts";
import { reportedDay } from "../staff/staffing-intervals.ts";
import type { Chart } from "./chart-input.ts";
import type { DataRow } from "./layout.ts";
import {
  DASH,
  frameOf,
  OKABE_ITO,
  OUTCOME_COLOURS,
  PLOT_HEIGHT_PX,
  PLOT_WIDTH_PX,
  SMALL_MULTIPLE_HEIGHT_PX,
} from "./theme.ts";
import { instantAt, TIME_X2, timeX } from "./time-axis.ts";

/** The legend's entries for the searched counts. */
export const CURVE_SERIES = { meets: "meets the targets", misses: "misses" } as const;

/**
 * One row per interval: its start and end as UTC instants (from the scenario's startTime, as on
 * run's interval charts), arrivals/h, agents, Erlang's agents.
 */
export function staffingCurveRows(study: CurveStudy): DataRow[] {
  const day = reportedDay(study);
  const length = study.intervalLengthSeconds;
  return (day?.staffing ?? []).map((count, interval) => {
    const row: DataRow = {
      start: instantAt(study, interval * length),
      end: instantAt(study, Math.min(study.horizonSeconds, (interval + 1) * length)),
      arrivalsPerHour: study.arrivalsPerHour[interval] ?? 0,
      agents: count,
      status: day?.meets[interval] === true ? CURVE_SERIES.meets : CURVE_SERIES.misses,
    };
    const erlang = study.erlang[interval];
    if (erlang !== undefined) row.erlang = erlang;
    return row;
  });
}

/**
 * Erlang's count as the points of a step line: each interval's start, and the last interval's
 * end again, so that the step of the last interval is drawn too (a step-after line stops at its
 * last point).
 */
function erlangSteps(rows: readonly DataRow[]): DataRow[] {
  const steps: DataRow[] = [];
  for (const { start, erlang } of rows) {
    if (start !== undefined && erlang !== undefined) steps.push({ start, erlang });
  }
  const last = rows.at(-1);
  if (last?.end !== undefined && last.erlang !== undefined) {
    steps.push({ start: last.end, erlang: last.erlang });
  }
  return steps;
}

/** The staffing-curve chart (file name `staffing-curve`). */
export function staffingCurveChart(study: CurveStudy): Chart {
  const rows = staffingCurveRows(study);
  const total = rows.reduce((sum, row) => sum + (row.agents as number), 0);
  const erlangTotal = rows.every((row) => row.erlang !== undefined)
    ? rows.reduce((sum, row) => sum + (row.erlang as number), 0)
    : undefined;
  const x = timeX(study);
  const colours = {
    field: "status",
    type: "nominal",
    title: null,
    scale: {
      domain: Object.values(CURVE_SERIES),
      range: [OKABE_ITO.bluishGreen, OKABE_ITO.vermillion],
    },
  } as const;
  const title =
    study.search.answer === undefined
      ? `No staffing of group ${study.groupId} met the targets in every interval`
      : `${total} agent-intervals of group ${study.groupId} meet the targets in every interval`;
  const caption = `The agents of group ${study.groupId} on duty in each interval of ${study.scenario}, as searched by simulation, against the calls the scenario sends and Erlang's per-interval count.`;
  const spec = {
    ...frameOf({
      title,
      subtitle: [
        `${study.scenario}: top, calls per hour in each interval; bottom, agents per interval (solid, coloured by whether the interval meets ${study.targets.map((target) => target.text).join(" and ")}${study.criterion === "interval" ? " with 95% confidence" : " on average"}).`,
        erlangTotal === undefined
          ? "Erlang gives no per-interval count for this group."
          : `Black dashed: Erlang's count per interval (${erlangTotal} agent-intervals).`,
      ],
      description: caption,
    }),
    data: { values: rows },
    vconcat: [
      {
        width: PLOT_WIDTH_PX,
        height: SMALL_MULTIPLE_HEIGHT_PX,
        mark: { type: "rect", color: OKABE_ITO.skyBlue, opacity: 0.8 },
        encoding: {
          x: { ...x, axis: { ...x.axis, title: null } },
          x2: TIME_X2,
          y: { field: "arrivalsPerHour", type: "quantitative", title: "calls per hour" },
        },
      },
      {
        width: PLOT_WIDTH_PX,
        height: PLOT_HEIGHT_PX,
        layer: [
          ...(erlangTotal === undefined
            ? []
            : [
                {
                  data: { values: erlangSteps(rows) },
                  mark: {
                    type: "line",
                    interpolate: "step-after",
                    color: OUTCOME_COLOURS.erlangRequirement,
                    strokeDash: DASH,
                    strokeWidth: 1.5,
                  },
                  encoding: {
                    x,
                    y: { field: "erlang", type: "quantitative", title: "agents on duty" },
                  },
                },
              ]),
          {
            mark: { type: "rule", strokeWidth: 3 },
            encoding: {
              x,
              x2: TIME_X2,
              y: { field: "agents", type: "quantitative", title: "agents on duty" },
              color: colours,
            },
          },
        ],
      },
    ],
    spacing: 12,
    resolve: { scale: { x: "shared" } },
  } as TopLevelSpec;
  return { name: "staffing-curve", title, caption, spec };
}
