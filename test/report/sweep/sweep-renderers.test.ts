/**
 * sweep.csv, sweep.json and the console table of hand-built sweeps: every point × scope × metric
 * in the CSV under the swept fields' columns, the same estimates in the JSON, one console row per
 * point with the chosen metrics as mean ± half-width.
 */
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/report/format-number.ts";
import {
  renderSweepConsole,
  renderSweepCsv,
  renderSweepJson,
  SWEEP_CSV_COLUMNS,
} from "../../../src/report/sweep/index.ts";
import { RUN, SWEEPS } from "./fixtures.ts";

/** A CSV's rows: RFC 4180 fields, quoted where they hold a comma (a map's label). */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => {
      const cells: string[] = [];
      let cell = "";
      let quoted = false;
      for (let at = 0; at < line.length; at++) {
        const character = line[at];
        if (quoted && character === '"' && line[at + 1] === '"') {
          cell += '"';
          at++;
        } else if (character === '"') quoted = !quoted;
        else if (character === "," && !quoted) {
          cells.push(cell);
          cell = "";
        } else cell += character;
      }
      cells.push(cell);
      return cells;
    });
}

describe.each(Object.entries(SWEEPS))("the outputs of %s", (_name, sweep) => {
  it("write sweep.csv: the fields' columns, then scope, metric, mean and half-width of every estimate", () => {
    const [header, ...rows] = csvRows(renderSweepCsv(sweep));
    const fieldNames = sweep.fields.map((field) => field.name);
    expect(header).toEqual([...fieldNames, ...SWEEP_CSV_COLUMNS]);
    const expected = sweep.points.flatMap((point) =>
      [...point.estimates].flatMap(([scope, metrics]) =>
        [...metrics].map(([metric, estimate]) => [
          ...sweep.fields.map((field, index) => field.labels[point.indices[index] ?? -1] ?? "?"),
          scope,
          metric,
          formatNumber(estimate.mean),
          formatNumber(estimate.halfWidth ?? Number.NaN),
        ]),
      ),
    );
    expect(rows).toEqual(expected);
    expect(rows.length).toBe(sweep.points.length * 2 * 5);
  });

  it("write sweep.json: the run, the fields, the fixed sets and every point's values and estimates", () => {
    const json = JSON.parse(renderSweepJson(RUN, sweep));
    expect(json.scenario).toBe(RUN.scenario);
    expect(json.replications).toBe(sweep.replications);
    expect(json.fields).toEqual(
      sweep.fields.map((field) => ({ path: field.name, values: field.values })),
    );
    expect(json.fixed).toEqual(sweep.fixed);
    expect(json.metrics).toEqual(sweep.metrics);
    expect(json.points).toHaveLength(sweep.points.length);
    for (const [index, point] of sweep.points.entries()) {
      const written = json.points[index];
      expect(written.name).toBe(point.name);
      for (const [fieldIndex, field] of sweep.fields.entries()) {
        expect(written.values[field.name]).toEqual(field.values[point.indices[fieldIndex] ?? -1]);
      }
      const estimate = point.estimates.get("overall")?.get("serviceLevel");
      expect(written.estimates.overall.serviceLevel.mean).toBe(
        Number(formatNumber(estimate?.mean ?? 0)),
      );
      const wait = point.estimates.get("overall")?.get("waitMean");
      if (wait !== undefined && !Number.isFinite(wait.mean)) {
        expect(written.estimates.overall.waitMean).toEqual({ mean: null, halfWidth: null });
      }
    }
  });

  it("print one console row per point: its values, then each chosen metric", () => {
    const text = renderSweepConsole(RUN, sweep);
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toContain(
      `${RUN.scenario}: ${sweep.points.length} points on common random numbers`,
    );
    for (const fixed of sweep.fixed) expect(text).toContain(`every point: ${fixed}`);
    const table = lines.slice(lines.indexOf("") + 1);
    expect(table).toHaveLength(sweep.points.length + 1);
    expect(table[0]?.split(/\s{2,}/)).toEqual([
      ...sweep.fields.map((field) => field.name),
      ...sweep.metrics,
    ]);
    for (const [index, point] of sweep.points.entries()) {
      const row = table[index + 1] ?? "";
      const labels = sweep.fields.map((field, at) => field.labels[point.indices[at] ?? -1]);
      expect(row.startsWith(labels[0] ?? "?")).toBe(true);
      for (const label of labels) expect(row).toContain(label);
      const withBands = sweep.replications > 1 ? sweep.metrics.length : 0;
      const undefinedHere = sweep.metrics.filter(
        (metric) => !Number.isFinite(point.estimates.get("overall")?.get(metric)?.mean),
      ).length;
      expect((row.match(/ ± /g) ?? []).length).toBe(
        withBands === 0 ? 0 : withBands - undefinedHere,
      );
    }
  });
});

describe("the console's numbers", () => {
  it("print shares as percentages and waits in seconds, with a dash where a metric is undefined", () => {
    const text = renderSweepConsole(RUN, SWEEPS["a grid of two fields"] as never);
    expect(text).toMatch(/\d% ± \d/);
    expect(text).toMatch(/\d s ± \d/);
    expect(text).toMatch(/ -(\s|$)/m);
  });
});
