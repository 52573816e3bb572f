/**
 * Simulated seconds as wall-clock instants, and the time axis every interval chart shares. Every
 * instant is an ISO-8601 string in UTC (`run.startTime` + seconds) and every temporal scale is
 * `utc`, so the labels read the same whatever the machine's time zone.
 */
import type { ChartRun } from "./chart-input.ts";

/**
 * What a time axis needs of a run: its wall-clock start and its length. A ChartRun is one; so is
 * any other study of a scenario's day (the staffing curve of `staff --per-interval`).
 */
export type RunClock = Pick<ChartRun, "startTime" | "horizonSeconds">;

const DAY_SECONDS = 86_400;
/** Below this horizon the ticks fall within minutes, so the labels need seconds. */
const SECONDS_LABELS_BELOW_SECONDS = 1_800;

/** The instant `seconds` after the run's start, as an ISO-8601 UTC string. */
export function instantAt(run: Pick<RunClock, "startTime">, seconds: number): string {
  return new Date(Date.parse(run.startTime) + seconds * 1000).toISOString();
}

/** The clock time `seconds` after the run's start, "08:30" (UTC, like the axes). */
export function clockTimeAt(run: Pick<RunClock, "startTime">, seconds: number): string {
  return instantAt(run, seconds).slice(11, 16);
}

/**
 * Axis label format: the clock time, with the weekday when the run spans more than a day and
 * the seconds when it is shorter than half an hour (a one-minute run would read 00:00 00:00 …).
 */
export function timeFormatOf(run: Pick<RunClock, "horizonSeconds">): string {
  if (run.horizonSeconds > DAY_SECONDS) return "%a %H:%M";
  return run.horizonSeconds < SECONDS_LABELS_BELOW_SECONDS ? "%H:%M:%S" : "%H:%M";
}

/** The x encoding of an instant (an interval's `start` unless told), on a UTC time scale. */
export function timeX(run: RunClock, field = "start") {
  return {
    field,
    type: "temporal",
    scale: { type: "utc" },
    axis: { format: timeFormatOf(run), title: "time of day", labelOverlap: true },
  } as const;
}

/** The x2 encoding of an interval's end (field `end`): buckets are drawn start to end. */
export const TIME_X2 = { field: "end" } as const;
