/**
 * Reading a baseline: summary.json as the run writes it (null means and half-widths, extra
 * fields of a newer ccsim), each problem of a broken or wrong-shaped file located by line and
 * column, the metric positions annotations point at, and the per-replication values file.
 */
import { describe, expect, it } from "vitest";
import {
  BaselineError,
  type BaselineProblem,
  type ComparedMetricName,
  parseBaselineSummary,
  parseReplicationValuesCsv,
  type ReplicationTable,
  renderReplicationValuesCsv,
  replicationValuesPathOf,
  type ScopeValues,
} from "../../src/comparison/index.ts";
import { renderSummaryJson } from "../../src/report/index.ts";
import { FULL, RUN } from "../report/fixtures.ts";

/** The problems `parse` throws (it must throw a BaselineError). */
function problemsOf(parse: () => unknown): readonly BaselineProblem[] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(BaselineError);
    return (error as BaselineError).problems;
  }
  throw new Error("expected a BaselineError");
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const GOOD = renderSummaryJson(RUN, FULL);

describe("parseBaselineSummary", () => {
  it("reads what a run writes: scopes, means, half-widths, nulls as NaN and null", () => {
    const baseline = parseBaselineSummary(GOOD, "base.json");
    expect(baseline.scenario).toBe("quickstart");
    expect(baseline.seed).toBe(1);
    expect(baseline.replications).toBe(2);
    expect([...baseline.estimates.keys()]).toEqual(["overall", "queue:sales", "arrival:web"]);
    expect(baseline.estimates.get("overall")?.get("arrived")).toEqual({
      mean: 120.5,
      halfWidth: 6.25,
    });
    const wait = baseline.estimates.get("overall")?.get("waitMean");
    expect(wait?.halfWidth).toBeNull();
    expect(baseline.estimates.get("queue:sales")?.get("waitMean")?.mean).toBeNaN();
    expect(baseline.perReplication).toBeUndefined();
  });

  it("points at each metric's key, per scope", () => {
    const baseline = parseBaselineSummary(GOOD, "base.json");
    const lines = GOOD.split("\n");
    const at = baseline.positionOf("queue:sales", "arrived");
    expect(lines[at.line - 1]?.slice(at.column - 1)).toMatch(/^"arrived": \{ "mean": 60,/);
    const overall = baseline.positionOf("overall", "serviceLevel");
    expect(overall.line).toBe(lineOf(GOOD, '"serviceLevel"'));
    const arrival = baseline.positionOf("arrival:web", "arrived");
    expect(lines[arrival.line - 1]).toContain('"arrived": { "mean": 60.25');
  });

  it("tolerates fields and metrics a newer ccsim adds", () => {
    const newer = GOOD.replace(
      '"overall": {',
      '"comment": "newer", "overall": { "someNewMetric": { "mean": 1, "halfWidth": 0, "p": 3 },',
    );
    const baseline = parseBaselineSummary(newer, "base.json");
    expect(baseline.estimates.get("overall")?.has("arrived")).toBe(true);
    expect(baseline.estimates.get("overall")?.size).toBe(
      parseBaselineSummary(GOOD, "b").estimates.get("overall")?.size,
    );
  });

  it("locates broken JSON with one problem", () => {
    const broken = GOOD.replace('"seed": 1,', '"seed": 1,,');
    const problems = problemsOf(() => parseBaselineSummary(broken, "base.json"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "base.json", line: lineOf(broken, "1,,"), path: "" });
    expect(problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it("calls text that is not JSON at all one syntax problem", () => {
    const problems = problemsOf(() => parseBaselineSummary("hello: world\n", "notes.txt"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 1 });
    // No message repeats the file's contents (V8's JSON errors quote the text around the error).
    expect(problems[0]?.message).not.toMatch(/world/);
  });

  it("locates every problem of a wrongly shaped file at its field", () => {
    const wrong = GOOD.replace('"seed": 1', '"seed": "one"').replace(
      '"arrived": { "mean": 60, "halfWidth": 3 }',
      '"arrived": { "mean": "60", "halfWidth": -3 }',
    );
    const problems = problemsOf(() => parseBaselineSummary(wrong, "base.json"));
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      "queues.sales.arrived.halfWidth",
      "queues.sales.arrived.mean",
      "seed",
    ]);
    const seed = problems.find((problem) => problem.path === "seed");
    expect(seed?.line).toBe(lineOf(wrong, '"seed"'));
    expect(seed?.message).toBe('expected a number, got "one"');
    const mean = problems.find((problem) => problem.path === "queues.sales.arrived.mean");
    expect(mean?.line).toBe(lineOf(wrong, '"mean": "60"'));
  });

  it("names a missing field at its parent", () => {
    const problems = problemsOf(() => parseBaselineSummary('{ "scenario": "x" }', "b.json"));
    expect(problems.map((problem) => problem.path)).toContain("replications");
    expect(problems.every((problem) => problem.line === 1)).toBe(true);
    expect(problems.find((problem) => problem.path === "overall")?.message).toBe(
      "required field is missing",
    );
  });
});

describe("per-replication values", () => {
  const table: ReplicationTable = {
    replications: 2,
    scopes: new Map<string, ScopeValues>([
      [
        "overall",
        new Map<ComparedMetricName, number[]>([
          ["serviceLevel", [0.1 + 0.2, 1 / 3]],
          ["waitMean", [Number.NaN, 1e-7]],
        ]),
      ],
      ['queue:a,"b"', new Map<ComparedMetricName, number[]>([["arrived", [3, 4]]])],
    ]),
  };

  it("lives beside the baseline", () => {
    expect(replicationValuesPathOf("baselines/voice-50.json")).toBe(
      "baselines/voice-50.replications.csv",
    );
    expect(replicationValuesPathOf("base")).toBe("base.replications.csv");
  });

  it("round-trips every value exactly, undefined ones as empty cells, odd scope ids quoted", () => {
    const text = renderReplicationValuesCsv(table);
    expect(text.split("\n")[0]).toBe("replication,scope,metric,value");
    expect(text).toContain("1,overall,waitMean,\n");
    const read = parseReplicationValuesCsv(text, "v.csv");
    expect(read.replications).toBe(2);
    expect(read.scopes.get("overall")?.get("serviceLevel")).toEqual([0.1 + 0.2, 1 / 3]);
    expect(read.scopes.get("overall")?.get("waitMean")).toEqual([Number.NaN, 1e-7]);
    expect(read.scopes.get('queue:a,"b"')?.get("arrived")).toEqual([3, 4]);
  });

  it("locates every problem by its line", () => {
    const text = [
      "replication,scope,metric,value",
      "1,overall,arrived,3",
      "0,overall,waitMean,1",
      "1,overall,serviceLevel,abc",
      "1,overall,arrived,4",
      "2,overall",
      '1,"overall,serviceLevel,0.5',
    ].join("\n");
    const problems = problemsOf(() => parseReplicationValuesCsv(text, "v.csv"));
    expect(problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems.every((problem) => problem.file === "v.csv")).toBe(true);
    expect(problems[2]?.message).toMatch(/also on line 2/);
  });

  it("names a metric that lacks a replication, and a wrong header", () => {
    const gap = "replication,scope,metric,value\n1,overall,arrived,3\n2,overall,waitMean,1\n";
    const problems = problemsOf(() => parseReplicationValuesCsv(gap, "v.csv"));
    expect(problems.map((problem) => problem.message)).toEqual([
      "overall arrived has no value for replication 2",
      "overall waitMean has no value for replication 1",
    ]);
    const header = problemsOf(() => parseReplicationValuesCsv("a,b\n1,2\n", "v.csv"));
    expect(header).toMatchObject([{ line: 1 }]);
  });
});
