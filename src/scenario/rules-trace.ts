/**
 * Trace-file rules: a `trace` arrival's file exists relative to the scenario file, is a regular
 * file, and its CSV header holds the time column. Reads only the header line, so loading costs
 * nothing for large traces; the rows are checked when the trace is read (`readTraces`, which
 * `ccsim validate` and `ccsim run` both call). Never quotes the file. The only rule module that
 * touches the file system.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { RuleInput, RuleIssue } from "./rule-input.ts";
import { nearest } from "./suggest.ts";

/** Resolves a trace path the way the loader does: relative to the scenario's folder. */
export function resolveTracePath(scenarioDirectory: string, file: string): string {
  return resolve(scenarioDirectory, file);
}

/** The first line of a file (up to 64 KiB) without reading the rest, or why it has none. */
function readFirstLine(
  path: string,
): { kind: "text"; line: string } | { kind: "empty" } | { kind: "binary" } {
  const descriptor = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(65536);
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    if (buffer.subarray(0, length).includes(0)) return { kind: "binary" };
    const text = buffer.toString("utf8", 0, length).replace(/^\uFEFF/, "");
    if (text.trim() === "") return { kind: "empty" };
    return { kind: "text", line: text.split(/\r?\n/)[0] ?? "" };
  } finally {
    closeSync(descriptor);
  }
}

/** Column names of a CSV header line; handles double-quoted names with "" escapes. */
export function parseCsvHeader(line: string): string[] {
  const names: string[] = [];
  let current = "";
  let quoted = false;
  for (let position = 0; position < line.length; position++) {
    const character = line[position];
    if (quoted && character === '"' && line[position + 1] === '"') {
      current += '"';
      position++;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (character === "," && !quoted) {
      names.push(current.trim());
      current = "";
    } else {
      current += character;
    }
  }
  names.push(current.trim());
  return names;
}

/** Where a trace file is, for messages: relative to the scenario file as the user named it. */
function displayPath(displayDirectory: string, file: string): string {
  return isAbsolute(file) ? file : join(displayDirectory, file);
}

function checkTrace(
  scenarioDirectory: string,
  displayDirectory: string,
  file: string,
  timeColumn: string,
  path: (string | number)[],
): RuleIssue[] {
  const absolute = resolveTracePath(scenarioDirectory, file);
  const shown = displayPath(displayDirectory, file);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    return [{ path: [...path, "file"], message: `trace file not found: ${shown}` }];
  }
  if (!isFile) return [{ path: [...path, "file"], message: `the trace ${shown} is not a file` }];
  const firstLine = readFirstLine(absolute);
  if (firstLine.kind === "empty") {
    return [
      {
        path: [...path, "file"],
        message: `the trace ${shown} is empty`,
        hint: "its first line names the columns, then one row per arrival",
      },
    ];
  }
  if (firstLine.kind === "binary") {
    return [
      { path: [...path, "file"], message: `the trace ${shown} holds binary data, not CSV text` },
    ];
  }
  const columns = parseCsvHeader(firstLine.line);
  if (columns.includes(timeColumn)) return [];
  // Only a near match is named: listing the header would echo a file that may not be a trace.
  const suggestion = nearest(timeColumn, columns);
  return [
    {
      path: [...path, "timeColumn"],
      message: `the first line of the trace file has no column "${timeColumn}"`,
      hint:
        suggestion === undefined
          ? `the first line must name the columns (${columns.length} found), one of them the time column; set timeColumn to its name`
          : `did you mean "${suggestion}"?`,
    },
  ];
}

/**
 * All trace-file rules. `scenarioDirectory` is absolute; `displayDirectory` is the folder of the
 * scenario file as the user named it (used in messages, so they are portable).
 */
export function traceRules(
  input: RuleInput,
  scenarioDirectory: string,
  displayDirectory: string,
): RuleIssue[] {
  return input.arrivals.flatMap(({ index, value }) =>
    value.arrival.kind === "trace"
      ? checkTrace(
          scenarioDirectory,
          displayDirectory,
          value.arrival.file,
          value.arrival.timeColumn,
          ["arrivals", index, "arrival"],
        )
      : [],
  );
}
