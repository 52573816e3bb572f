/**
 * `ccsim staff --per-interval`'s outputs: staffing-intervals.csv (one row per report interval
 * and target: the answer's count, Erlang's, the metric's mean ± half-width on the answer's day,
 * and whether it meets) and the console's compact curve.
 */
import type { CurveSearchResult, DayEvaluation, StaffingTarget } from "../../planning/index.ts";
import { clockTimeAt } from "../charts/time-axis.ts";
import { toCsvText } from "../csv.ts";
import { formatNumber } from "../format-number.ts";

/** What the per-interval search found, for its renderers. */
export interface CurveStudy {
  readonly scenario: string;
  readonly groupId: string;
  readonly targets: readonly StaffingTarget[];
  readonly intervalLengthSeconds: number;
  readonly horizonSeconds: number;
  /** ISO-8601 UTC wall-clock time of simulated time 0 (the scenario's): the chart's and console's clock. */
  readonly startTime: string;
  readonly criterion: "interval" | "mean";
  readonly search: CurveSearchResult;
  /** Erlang's count per interval (undefined where theory gives none). */
  readonly erlang: readonly (number | undefined)[];
  readonly arrivalsPerHour: readonly number[];
}

/** staffing-intervals.csv's columns. */
export const STAFFING_INTERVALS_CSV_COLUMNS = [
  "intervalStartSeconds",
  "intervalEndSeconds",
  "count",
  "erlang",
  "metric",
  "mean",
  "halfWidth",
  "meetsTarget",
  "target",
  "arrivalsPerHour",
] as const;

/** The day the files describe: the answer, else the last day simulated. */
export function reportedDay(study: CurveStudy): DayEvaluation | undefined {
  return study.search.answer ?? study.search.days.at(-1);
}

/** staffing-intervals.csv: one row per interval and target, of the reported day. */
export function renderStaffingIntervalsCsv(study: CurveStudy): string {
  const day = reportedDay(study);
  const rows: string[][] = [];
  day?.staffing.forEach((count, interval) => {
    const start = interval * study.intervalLengthSeconds;
    const end = Math.min(study.horizonSeconds, start + study.intervalLengthSeconds);
    study.targets.forEach((target, index) => {
      const estimate = day.estimates[interval]?.[index] ?? { mean: Number.NaN, halfWidth: null };
      const erlang = study.erlang[interval];
      rows.push([
        formatNumber(start),
        formatNumber(end),
        String(count),
        erlang === undefined ? "" : String(erlang),
        target.metric,
        formatNumber(estimate.mean),
        estimate.halfWidth === null ? "" : formatNumber(estimate.halfWidth),
        String(day.targetMeets[interval]?.[index] === true),
        target.text,
        formatNumber(study.arrivalsPerHour[interval] ?? 0),
      ]);
    });
  });
  return toCsvText(STAFFING_INTERVALS_CSV_COLUMNS, rows);
}

/** The console's lines: the answer, the curve against Erlang's, the totals. */
export function renderCurveConsole(study: CurveStudy): string {
  const { search } = study;
  const day = reportedDay(study);
  const lines: string[] = [];
  const criterion = study.criterion === "interval" ? "with 95% confidence" : "on average";
  const targets = study.targets.map((target) => target.text).join(" and ");
  const days = `${search.days.length} day-simulation(s)`;
  if (search.answer !== undefined) {
    lines.push(
      `${study.scenario}: group ${study.groupId} meets ${targets} ${criterion} in every interval with ${sum(search.answer.staffing)} agent-intervals (${days}${search.converged ? "" : ", stopped at the budget without converging"})`,
    );
  } else {
    lines.push(
      `${study.scenario}: no staffing of group ${study.groupId} tried meets ${targets} ${criterion} in every interval (${days}${search.converged ? ": an interval misses at the maximum" : ", stopped at the budget without converging"}); the last day is shown`,
    );
  }
  const erlangKnown = study.erlang.every((count) => count !== undefined);
  if (erlangKnown) {
    const total = study.erlang.reduce<number>((sum, count) => sum + (count ?? 0), 0);
    lines.push(`Erlang per interval asks for ${total} agent-intervals`);
  }
  if (day === undefined) return lines.join("\n");
  lines.push(`curve:  ${day.staffing.join(" ")}`);
  if (erlangKnown) lines.push(`Erlang: ${study.erlang.join(" ")}`);
  const header = ["from (UTC)", "agents", "Erlang", ...study.targets.map((t) => t.metric), "meets"];
  const table = day.staffing.map((count, interval) => {
    const estimates = day.estimates[interval] ?? [];
    return [
      clockTimeAt(study, interval * study.intervalLengthSeconds),
      String(count),
      study.erlang[interval] === undefined ? "" : String(study.erlang[interval]),
      ...study.targets.map((_, index) => estimateText(estimates[index])),
      day.meets[interval] === true ? "yes" : "no",
    ];
  });
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...table.map((row) => (row[column] ?? "").length)),
  );
  for (const row of [header, ...table]) {
    lines.push(
      row
        .map((cell, column) => cell.padEnd(widths[column] as number))
        .join("  ")
        .trimEnd(),
    );
  }
  return lines.join("\n");
}

function sum(counts: readonly number[]): number {
  return counts.reduce((total, count) => total + count, 0);
}

function estimateText(estimate: { mean: number; halfWidth: number | null } | undefined): string {
  if (estimate === undefined || Number.isNaN(estimate.mean)) return "—";
  const mean = estimate.mean.toFixed(3);
  return estimate.halfWidth === null ? mean : `${mean} ± ${estimate.halfWidth.toFixed(3)}`;
}
