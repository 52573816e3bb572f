/**
 * The per-replication values kept beside a baseline (`<name>.replications.csv`, columns
 * `replication,scope,metric,value`, replications from 1, value empty where undefined), which let
 * `ccsim check` pair a run with its baseline replication by replication. Values are written in
 * full (shortest round-trip digits): pairing and the identical test compare them exactly. Every
 * problem of a file is located by its line (read with scenario/'s located CSV reader, the one
 * trace files use).
 */
import { stringify } from "csv-stringify/sync";
import { METRIC_NAMES, type MetricName } from "../metrics/index.ts";
import { readCsvCells } from "../scenario/index.ts";
import { BaselineError, type BaselineProblem } from "./baseline-error.ts";
import type { ComparedMetricName } from "./compared-metrics.ts";
import type { ReplicationTable } from "./replication-table.ts";

const COLUMNS = ["replication", "scope", "metric", "value"] as const;

/** `<baseline without .json>.replications.csv`, beside the baseline. */
export function replicationValuesPathOf(baselinePath: string): string {
  const stem = baselinePath.toLowerCase().endsWith(".json")
    ? baselinePath.slice(0, -".json".length)
    : baselinePath;
  return `${stem}.replications.csv`;
}

/** The text of the per-replication values file: replication by replication, scopes, metrics. */
export function renderReplicationValuesCsv(table: ReplicationTable): string {
  const rows: string[][] = [];
  for (let replication = 0; replication < table.replications; replication++) {
    for (const [scope, metrics] of table.scopes) {
      for (const [metric, values] of metrics) {
        const value = values[replication] ?? Number.NaN;
        rows.push([
          String(replication + 1),
          scope,
          metric,
          // String() gives the shortest text that reads back as the same double.
          Number.isFinite(value) ? String(value) : "",
        ]);
      }
    }
  }
  return stringify(rows, { header: true, columns: [...COLUMNS] });
}

/** Reads the per-replication values file; throws BaselineError listing every problem. */
export function parseReplicationValuesCsv(text: string, file: string): ReplicationTable {
  const problems: BaselineProblem[] = [];
  const problem = (line: number, message: string, column = 1) =>
    problems.push({ file, line, column, path: "", message });
  const records = readRecords(text, problem);
  const header = records.shift();
  if (header === undefined || header.cells.join(",") !== COLUMNS.join(",")) {
    problem(header?.line ?? 1, `the first line must be the header ${COLUMNS.join(",")}`);
    throw new BaselineError(problems);
  }
  const values = new Map<
    string,
    Map<ComparedMetricName, Map<number, { value: number; line: number }>>
  >();
  let replications = 0;
  for (const { line, cells } of records) {
    if (cells.length !== COLUMNS.length) {
      problem(line, `expected ${COLUMNS.length} cells (${COLUMNS.join(",")}), got ${cells.length}`);
      continue;
    }
    const [replicationText, scope, metric, valueText] = cells as [string, string, string, string];
    const replication = /^\d+$/.test(replicationText) ? Number(replicationText) : Number.NaN;
    if (!Number.isSafeInteger(replication) || replication < 1) {
      problem(line, `replication must be a whole number ≥ 1, got "${replicationText}"`);
      continue;
    }
    if (scope === "") {
      problem(line, "the scope is empty");
      continue;
    }
    // A metric a newer ccsim wrote is skipped, as in summary.json.
    if (!(METRIC_NAMES as readonly string[]).includes(metric)) continue;
    const value = valueText === "" ? Number.NaN : Number(valueText);
    if (valueText !== "" && !Number.isFinite(value)) {
      problem(line, `value must be a number or empty (undefined), got "${valueText}"`);
      continue;
    }
    let metrics = values.get(scope);
    if (metrics === undefined) {
      metrics = new Map();
      values.set(scope, metrics);
    }
    let byReplication = metrics.get(metric as MetricName);
    if (byReplication === undefined) {
      byReplication = new Map();
      metrics.set(metric as MetricName, byReplication);
    }
    const earlier = byReplication.get(replication);
    if (earlier !== undefined) {
      problem(
        line,
        `${scope} ${metric} replication ${replication} is also on line ${earlier.line}`,
      );
      continue;
    }
    byReplication.set(replication, { value, line });
    replications = Math.max(replications, replication);
  }
  const scopes = new Map<string, Map<ComparedMetricName, number[]>>();
  for (const [scope, metrics] of values) {
    const columns = new Map<ComparedMetricName, number[]>();
    for (const [metric, byReplication] of metrics) {
      const column: number[] = [];
      for (let replication = 1; replication <= replications; replication++) {
        const found = byReplication.get(replication);
        if (found === undefined) {
          const last = Math.max(...[...byReplication.values()].map((entry) => entry.line));
          problem(last, `${scope} ${metric} has no value for replication ${replication}`);
          break;
        }
        column.push(found.value);
      }
      columns.set(metric, column);
    }
    scopes.set(scope, columns);
  }
  if (problems.length === 0 && replications === 0) problem(1, "the file holds no values");
  if (problems.length > 0) {
    throw new BaselineError(problems.sort((a, b) => a.line - b.line));
  }
  return { replications, scopes };
}

/** One CSV record's cells and the line it starts on. */
interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** The records of the text, through scenario/'s located CSV reader; broken ones are problems. */
function readRecords(
  text: string,
  problem: (line: number, message: string, column?: number) => void,
): CsvRecord[] {
  const records: CsvRecord[] = [];
  const structure = readCsvCells(text, (row) => {
    if (row.broken) return;
    records.push({
      line: row.cells[0]?.line ?? row.end.line,
      cells: row.cells.map((cell) => cell.text),
    });
  });
  for (const found of structure.first) problem(found.line, found.message, found.column);
  return records;
}
