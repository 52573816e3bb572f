/**
 * Reads the CSV file of a `trace` arrival stream, whole: one row per arrival, the time column in
 * seconds from the start of the run or as an ISO-8601 timestamp (taken relative to the
 * scenario's `startTime`); every other column becomes a job label (numbers and true/false are
 * typed, anything else stays a string; an empty cell gives no label). Every bad row is reported
 * (the first MAXIMUM_PROBLEMS_SHOWN per file, then a count), located in the CSV file itself.
 * Messages never quote the file's content: it may not be a trace at all (`file: /etc/passwd`).
 */
import { readFileSync } from "node:fs";
import { ScenarioError, type ScenarioIssue } from "../errors.ts";
import { type CellPosition, type Row, readCsvCells } from "./csv-cells.ts";
import { nearest } from "./suggest.ts";
import type { ArrivalSpec, Labels, LabelValue, Scenario } from "./types.ts";

/** The arrivals of one trace: times in seconds (file order) and each row's labels. */
export interface TraceArrivals {
  readonly timesSeconds: number[];
  readonly labels: Labels[];
}

/** Problems shown per trace file; the rest are counted in one closing line. */
export const MAXIMUM_PROBLEMS_SHOWN = 20;

/**
 * Reads every trace arrival stream of a scenario, keyed by arrival id. `displayPath` turns the
 * absolute file path into the form messages show (the CLI makes it relative to where the user is).
 * Throws ScenarioError with every problem of every trace.
 */
export function readTraces(
  scenario: Scenario,
  displayPath: (absolutePath: string) => string = (absolutePath) => absolutePath,
): Map<string, TraceArrivals> {
  const traces = new Map<string, TraceArrivals>();
  const issues: ScenarioIssue[] = [];
  const reported = new Set<string>();
  for (const [index, arrival] of scenario.arrivals.entries()) {
    if (arrival.arrival.kind !== "trace") continue;
    const result = readTrace(arrival, index, scenario.startTime, displayPath);
    if (!Array.isArray(result)) {
      traces.set(arrival.id, result);
      continue;
    }
    for (const issue of result) {
      // Two streams reading one file would report its rows twice.
      const key = `${issue.file}:${issue.line}:${issue.column}:${issue.message}`;
      if (!reported.has(key)) issues.push(issue);
      reported.add(key);
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return traces;
}

/** A problem located in the trace file; `path` is the scenario field or the CSV column. */
interface TraceProblem extends CellPosition {
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

function readTrace(
  arrival: ArrivalSpec,
  index: number,
  startTime: string,
  displayPath: (absolutePath: string) => string,
): TraceArrivals | ScenarioIssue[] {
  const spec = arrival.arrival as { kind: "trace"; file: string; timeColumn: string };
  const filePath = `arrivals[${index}].arrival.file`;
  const located = (problem: TraceProblem): ScenarioIssue => ({
    file: displayPath(spec.file),
    ...problem,
  });
  const text = readText(spec.file, filePath);
  if (typeof text !== "string") return [located(text)];
  // Both lists come in file order, so the first MAXIMUM_PROBLEMS_SHOWN + 1 of each are enough
  // to find the first ones overall (and where the unlisted ones begin); the rest are counted.
  const keep = MAXIMUM_PROBLEMS_SHOWN + 1;
  const reader = new TraceRows(spec.timeColumn, Date.parse(startTime), filePath, keep);
  const structural = readCsvCells(text, (row) => reader.add(row), keep);
  const rowProblems = reader.problems();
  const problems = [
    ...structural.first.map((problem) => ({ ...problem, path: filePath })),
    ...rowProblems.first,
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length === 0) return reader.arrivals();
  const shown = problems.slice(0, MAXIMUM_PROBLEMS_SHOWN).map(located);
  const firstHidden = problems[MAXIMUM_PROBLEMS_SHOWN];
  if (firstHidden === undefined) return shown;
  const hidden = structural.count + rowProblems.count - MAXIMUM_PROBLEMS_SHOWN;
  return [
    ...shown,
    located({
      line: firstHidden.line,
      column: firstHidden.column,
      path: filePath,
      message: `${hidden} more problem(s) in this trace file, the first of them here, are not listed`,
    }),
  ];
}

/** The file as UTF-8 text, or the problem that keeps it from being a CSV file. */
function readText(file: string, path: string): string | TraceProblem {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { line: 1, column: 1, path, message: `cannot read the trace file (${code})` };
  }
  const binary = bytes.indexOf(0);
  if (binary >= 0) {
    return {
      ...positionOfByte(bytes, binary),
      path,
      message: "the trace file holds binary data (a zero byte here), not CSV text",
    };
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { line: 1, column: 1, path, message: "the trace file is not UTF-8 text" };
  }
}

/** Line and column of a byte offset (columns counted in bytes: the text may not decode). */
function positionOfByte(bytes: Buffer, offset: number): CellPosition {
  let line = 1;
  let lineStart = 0;
  for (let position = bytes.indexOf(10); position >= 0 && position < offset; ) {
    line += 1;
    lineStart = position + 1;
    position = bytes.indexOf(10, lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

/** Turns rows into arrivals as the reader hands them over; the first row is the header. */
class TraceRows {
  private header: readonly string[] | undefined;
  private timeIndex = -1;
  private readonly timesSeconds: number[] = [];
  private readonly labels: Labels[] = [];
  private readonly found: TraceProblem[] = [];
  private foundCount = 0;

  constructor(
    private readonly timeColumn: string,
    private readonly originMs: number,
    private readonly filePath: string,
    private readonly keep: number,
  ) {}

  private report(problem: TraceProblem): void {
    if (this.foundCount < this.keep) this.found.push(problem);
    this.foundCount += 1;
  }

  add(row: Row): void {
    if (this.header === undefined) {
      this.readHeader(row);
      return;
    }
    if (row.broken || this.timeIndex < 0) return;
    const columns = this.header.length;
    if (row.cells.length !== columns) {
      const at = row.cells.length > columns ? (row.cells[columns] as CellPosition) : row.end;
      const { line, column } = at;
      this.report({
        line,
        column,
        path: this.filePath,
        message: `this row has ${row.cells.length} cell(s) but the header has ${columns} column(s)`,
      });
      return;
    }
    const timeCell = row.cells[this.timeIndex] as { text: string } & CellPosition;
    const timeSeconds = parseTraceTime(timeCell.text, this.originMs);
    if (typeof timeSeconds === "string") {
      // Position only: the cell's text must not travel into the issue.
      const { line, column } = timeCell;
      this.report({ line, column, path: this.timeColumn, message: timeSeconds, hint: TIME_HINT });
      return;
    }
    this.timesSeconds.push(timeSeconds);
    this.labels.push(rowLabels(this.header, row, this.timeIndex));
  }

  private readHeader(row: Row): void {
    this.header = row.cells.map((cell) => cell.text);
    this.timeIndex = this.header.indexOf(this.timeColumn);
    if (this.timeIndex >= 0 || row.broken) return;
    const suggestion = nearest(this.timeColumn, this.header);
    this.report({
      line: row.cells[0]?.line ?? 1,
      column: row.cells[0]?.column ?? 1,
      path: this.filePath,
      message: `the header has no column "${this.timeColumn}"`,
      hint:
        suggestion === undefined
          ? `the first line must name the columns, one of them "${this.timeColumn}" (or set timeColumn)`
          : `did you mean "${suggestion}"? (set timeColumn)`,
    });
  }

  /** The first problems found in the rows, and how many there are in all. */
  problems(): { first: TraceProblem[]; count: number } {
    if (this.header !== undefined) return { first: this.found, count: this.foundCount };
    const empty = {
      line: 1,
      column: 1,
      path: this.filePath,
      message: "the trace file is empty: it needs a header line naming its columns",
    };
    return { first: [empty], count: 1 };
  }

  arrivals(): TraceArrivals {
    return { timesSeconds: this.timesSeconds, labels: this.labels };
  }
}

const TIME_HINT = "seconds from the start (e.g. 12.5) or an ISO-8601 timestamp from startTime on";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Seconds from the start (a number, or an ISO timestamp relative to `originMs`), or what is wrong. */
function parseTraceTime(text: string, originMs: number): number | string {
  if (text === "") return "the time is empty";
  let seconds: number;
  if (NUMBER.test(text)) seconds = Number(text);
  else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) seconds = (Date.parse(text) - originMs) / 1000;
  else return "the time is neither a number of seconds nor an ISO-8601 timestamp";
  if (Number.isNaN(seconds)) return "the time is not a valid ISO-8601 timestamp";
  if (!Number.isFinite(seconds)) return "the time is too large to be a number of seconds";
  if (seconds < 0) return "the time is before the start of the run";
  return seconds;
}

function rowLabels(header: readonly string[], row: Row, timeIndex: number): Labels {
  const labels: Labels = {};
  for (const [column, name] of header.entries()) {
    const cell = row.cells[column]?.text;
    if (column === timeIndex || cell === undefined || cell === "") continue;
    labels[name] = typedValue(cell);
  }
  return labels;
}

function typedValue(cell: string): LabelValue {
  if (cell === "true") return true;
  if (cell === "false") return false;
  const number = Number(cell);
  return NUMBER.test(cell) && Number.isFinite(number) ? number : cell;
}
