/**
 * Reads the CSV file of a `trace` arrival stream: one row per arrival, the time column in
 * seconds from the start of the run or as an ISO-8601 timestamp (taken relative to the
 * scenario's `startTime`); every other column becomes a job label (numbers and true/false are
 * typed, anything else stays a string; an empty cell gives no label). Every bad row is reported
 * at once, located in the CSV file itself.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { ScenarioError, type ScenarioIssue } from "../errors.ts";
import type { ArrivalSpec, Labels, LabelValue, Scenario } from "./types.ts";

/** The arrivals of one trace: times in seconds (file order) and each row's labels. */
export interface TraceArrivals {
  readonly timesSeconds: number[];
  readonly labels: Labels[];
}

/**
 * Reads every trace arrival stream of a scenario, keyed by arrival id. `displayPath` turns the
 * absolute file path into the form messages show (the CLI makes it relative to where the user is).
 */
export function readTraces(
  scenario: Scenario,
  displayPath: (absolutePath: string) => string = (absolutePath) => absolutePath,
): Map<string, TraceArrivals> {
  const traces = new Map<string, TraceArrivals>();
  const issues: ScenarioIssue[] = [];
  for (const [index, arrival] of scenario.arrivals.entries()) {
    if (arrival.arrival.kind !== "trace") continue;
    const result = readTrace(arrival, index, scenario.startTime, displayPath);
    if (Array.isArray(result)) issues.push(...result);
    else traces.set(arrival.id, result);
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return traces;
}

function readTrace(
  arrival: ArrivalSpec,
  index: number,
  startTime: string,
  displayPath: (absolutePath: string) => string,
): TraceArrivals | ScenarioIssue[] {
  const spec = arrival.arrival as { kind: "trace"; file: string; timeColumn: string };
  const displayFile = displayPath(spec.file);
  const path = `arrivals[${index}].arrival.file`;
  const issueAt = (
    line: number,
    column: number,
    message: string,
    hint?: string,
  ): ScenarioIssue => ({
    file: displayFile,
    line,
    column,
    path,
    message,
    ...(hint === undefined ? {} : { hint }),
  });
  let records: string[][];
  try {
    records = parse(readFileSync(spec.file, "utf8"), {
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    return [issueAt(1, 1, `cannot read the trace: ${(error as Error).message}`)];
  }
  const header = records[0] ?? [];
  const timeIndex = header.indexOf(spec.timeColumn);
  if (timeIndex < 0) {
    return [
      issueAt(
        1,
        1,
        `no column "${spec.timeColumn}" in the header`,
        `columns: ${header.join(", ")}`,
      ),
    ];
  }
  const origin = Date.parse(startTime);
  const timesSeconds: number[] = [];
  const labels: Labels[] = [];
  const issues: ScenarioIssue[] = [];
  for (let row = 1; row < records.length; row++) {
    const cells = records[row] as string[];
    const timeSeconds = parseTraceTime(cells[timeIndex] ?? "", origin);
    if (!Number.isFinite(timeSeconds) || timeSeconds < 0) {
      issues.push(
        issueAt(
          row + 1,
          timeIndex + 1,
          `"${cells[timeIndex] ?? ""}" is not a time at or after the start`,
          "use seconds from the start (e.g. 12.5) or an ISO-8601 timestamp after startTime",
        ),
      );
      continue;
    }
    timesSeconds.push(timeSeconds);
    labels.push(rowLabels(header, cells, timeIndex));
  }
  return issues.length > 0 ? issues : { timesSeconds, labels };
}

/** Seconds from the start: a plain number, or an ISO timestamp relative to `originMs`. */
function parseTraceTime(text: string, originMs: number): number {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return Number.NaN;
  return (Date.parse(text) - originMs) / 1000;
}

function rowLabels(header: readonly string[], cells: readonly string[], timeIndex: number): Labels {
  const labels: Labels = {};
  for (const [column, name] of header.entries()) {
    const cell = cells[column];
    if (column === timeIndex || cell === undefined || cell === "") continue;
    labels[name] = typedValue(cell);
  }
  return labels;
}

function typedValue(cell: string): LabelValue {
  if (cell === "true") return true;
  if (cell === "false") return false;
  const number = Number(cell);
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) && Number.isFinite(number)
    ? number
    : cell;
}
