/**
 * docs/outputs.md must define every summary metric and every column of intervals.csv,
 * workers.csv and waits.csv, so that a new metric or column cannot ship undocumented.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRIC_NAMES } from "../../src/metrics/types.ts";
import { INTERVALS_CSV_COLUMNS } from "../../src/report/intervals-csv.ts";
import { WAITS_CSV_COLUMNS } from "../../src/report/waits-csv.ts";
import { WORKERS_CSV_COLUMNS } from "../../src/report/workers-csv.ts";

const doc = readFileSync(new URL("../../docs/outputs.md", import.meta.url), "utf8");

/** The first cell of each table row, where the doc names what the row defines. */
const definedNames = new Set(
  doc
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1])),
);

/** `<column>HalfWidth` columns are defined by one row naming the pattern. */
function isDefined(name: string): boolean {
  if (definedNames.has(name)) return true;
  return name.endsWith("HalfWidth") && definedNames.has("<column>HalfWidth");
}

describe("docs/outputs.md", () => {
  it("defines every summary metric in a table row", () => {
    expect(METRIC_NAMES.filter((name) => !isDefined(name))).toEqual([]);
  });

  it("defines every column of intervals.csv and workers.csv", () => {
    const columns = [...INTERVALS_CSV_COLUMNS, ...WORKERS_CSV_COLUMNS];
    expect(columns.filter((name) => !isDefined(name))).toEqual([]);
  });

  it("defines every column of waits.csv in its own section, half-widths by name", () => {
    const section = doc.slice(doc.indexOf("## waits.csv"));
    const next = section.indexOf("\n## ", 1);
    const waitsDoc = next < 0 ? section : section.slice(0, next);
    const rowNames = waitsDoc
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => /`([^`]+)`/.exec(line)?.[1]);
    expect(rowNames).toEqual([...WAITS_CSV_COLUMNS]);
  });
});
