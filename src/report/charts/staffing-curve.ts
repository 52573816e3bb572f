/**
 * The chart of `ccsim staff --per-interval`: the day's staffing curve against its arrivals, two
 * panels on one time axis — calls per hour the scenario sends in each interval above, the
 * searched agents per interval (a step line, each interval coloured by whether it meets the
 * targets) and Erlang's per-interval count (dashed) below. Pure: CurveStudy in, spec out.
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

/** The legend's entries for the searched counts. */
export const CURVE_SERIES = { meets: "meets the targets", misses: "misses" } as const;

/** One row per interval: its start and end in hours, arrivals/h, agents, Erlang's agents. */
export function staffingCurveRows(study: CurveStudy): DataRow[] {
  const day = reportedDay(study);
  const hours = study.intervalLengthSeconds / 3600;
  return (day?.staffing ?? []).map((count, interval) => {
    const row: DataRow = {
      start: interval * hours,
      end: Math.min(study.horizonSeconds / 3600, (interval + 1) * hours),
      arrivalsPerHour: study.arrivalsPerHour[interval] ?? 0,
      agents: count,
      status: day?.meets[interval] === true ? CURVE_SERIES.meets : CURVE_SERIES.misses,
    };
    const erlang = study.erlang[interval];
    if (erlang !== undefined) row.erlang = erlang;
    return row;
  });
}

/** The staffing-curve chart (file name `staffing-curve`). */
export function staffingCurveChart(study: CurveStudy): Chart {
  const rows = staffingCurveRows(study);
  const total = rows.reduce((sum, row) => sum + (row.agents as number), 0);
  const erlangTotal = rows.every((row) => row.erlang !== undefined)
    ? rows.reduce((sum, row) => sum + (row.erlang as number), 0)
    : undefined;
  const x = {
    field: "start",
    type: "quantitative",
    title: "hours from the start of the run",
    scale: { nice: false },
  } as const;
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
          x: { ...x, title: null },
          x2: { field: "end" },
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
              x2: { field: "end" },
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
