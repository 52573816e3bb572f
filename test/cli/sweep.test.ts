/**
 * `ccsim sweep` end to end on a small voice scenario: the grid of two fields written as
 * sweep.csv rows under the fields' columns, the point equal to the file's own values giving the
 * very numbers `ccsim run` gives (common random numbers: same seed, same replications), the
 * chart and the console table; bad paths, values and grids exit 2 with one line each.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

/** voice-50 scaled down: 10 agents, 180 calls/h, 1 h, 3 replications. */
const SHORT = "test/fixtures/sweep/short-voice.yaml";
/** Several CLI processes share two cores with other suites: far above vitest's 10 s default. */
const HOOK_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT_MS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-sweep-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (path: string) => readFileSync(path, "utf8");
/** A CSV's rows as arrays of fields (these names and numbers hold no commas or quotes). */
const rowsOf = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => line.split(","));

const expectSuccess = (outcome: Outcome | undefined) => {
  expect(outcome?.stderr).not.toMatch(STACK_LINE);
  expect(outcome?.status, outcome?.stderr).toBe(0);
};

describe("ccsim sweep over a grid of two fields", () => {
  const swept = join(scratch, "sweep");
  const ran = join(scratch, "run");
  let sweep: Outcome | undefined;
  let run: Outcome | undefined;
  beforeAll(async () => {
    [sweep, run] = await Promise.all([
      ccsimAsync(
        "sweep",
        SHORT,
        "--set",
        "workers[agent].count=9..11",
        "--set",
        "arrivals[call].arrival.ratePerHour=170,180",
        "--workers",
        "1",
        "--out",
        swept,
      ),
      ccsimAsync("run", SHORT, "--no-charts", "--workers", "1", "--out", ran),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("writes one row per point × scope × metric under the fields' columns", () => {
    expectSuccess(sweep);
    const [header, ...rows] = rowsOf(read(join(swept, "sweep.csv")));
    expect(header).toEqual([
      "workers[agent].count",
      "arrivals[call].arrival.ratePerHour",
      "scope",
      "metric",
      "mean",
      "halfWidth",
    ]);
    const points = [...new Set(rows.map((row) => `${row[0]} ${row[1]}`))];
    expect(points).toEqual(["9 170", "9 180", "10 170", "10 180", "11 170", "11 180"]);
    const perPoint = rows.filter((row) => row[0] === "9" && row[1] === "170").length;
    expect(rows).toHaveLength(6 * perPoint);
    const json = JSON.parse(read(join(swept, "sweep.json")));
    expect(json.points.map((point: { values: unknown }) => point.values)).toEqual(
      [9, 10, 11].flatMap((count) =>
        [170, 180].map((rate) => ({
          "workers[agent].count": count,
          "arrivals[call].arrival.ratePerHour": rate,
        })),
      ),
    );
    expect(existsSync(join(swept, "charts", "sweep.svg"))).toBe(true);
    expect(existsSync(join(swept, "charts", "sweep.vl.json"))).toBe(true);
  });

  it("gives at the file's own values exactly the numbers ccsim run gives (common random numbers)", () => {
    expectSuccess(sweep);
    expectSuccess(run);
    const [, ...summary] = rowsOf(read(join(ran, "summary.csv")));
    const [, ...rows] = rowsOf(read(join(swept, "sweep.csv")));
    const asWritten = rows.filter((row) => row[0] === "10" && row[1] === "180");
    const byKey = new Map(asWritten.map((row) => [`${row[2]} ${row[3]}`, row.slice(4)]));
    expect(summary.length).toBeGreaterThan(30);
    for (const [scope, metric, mean, halfWidth] of summary) {
      expect(byKey.get(`${scope} ${metric}`), `${scope} ${metric}`).toEqual([mean, halfWidth]);
    }
    // And the other points differ: more agents answer more within the threshold.
    const serviceLevel = (count: string) =>
      Number(
        rows.find(
          (row) =>
            row[0] === count &&
            row[1] === "180" &&
            row[2] === "overall" &&
            row[3] === "serviceLevel",
        )?.[4],
      );
    expect(serviceLevel("11")).toBeGreaterThan(serviceLevel("9"));
  });

  it("prints one row per point with the default metrics", () => {
    const lines = sweep?.stdout.split("\n") ?? [];
    const header = lines.find((line) => line.startsWith("workers[agent].count"));
    expect(header?.split(/\s{2,}/)).toEqual([
      "workers[agent].count",
      "arrivals[call].arrival.ratePerHour",
      "serviceLevel",
      "waitMean",
      "abandonmentRate",
      "utilization",
    ]);
    const rows = lines.filter((line) => /^(9|10|11)\s+1[78]0\s/.test(line));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect((row.match(/ ± /g) ?? []).length).toBe(4);
    expect(sweep?.stdout).toContain("6 points on common random numbers, 3 replications, seed 7");
    expect(sweep?.stdout).toContain(`wrote ${join(swept, "sweep.csv")}`);
  });
});

describe("ccsim sweep over a decimal range", () => {
  const out = join(scratch, "decimal");
  let outcome: Outcome | undefined;
  beforeAll(async () => {
    outcome = await ccsimAsync(
      "sweep",
      SHORT,
      "--set",
      "serviceLevelTarget=0.1..0.3..0.1",
      "--metrics",
      "serviceLevel,waitP90",
      "--no-charts",
      "--workers",
      "1",
      "--out",
      out,
    );
  }, HOOK_TIMEOUT_MS);

  it("names the values exactly, and a field the simulation ignores leaves every number alike", () => {
    expectSuccess(outcome);
    const [, ...rows] = rowsOf(read(join(out, "sweep.csv")));
    expect([...new Set(rows.map((row) => row[0]))]).toEqual(["0.1", "0.2", "0.3"]);
    const json = JSON.parse(read(join(out, "sweep.json")));
    expect(json.fields).toEqual([{ path: "serviceLevelTarget", values: [0.1, 0.2, 0.3] }]);
    expect(json.metrics).toEqual(["serviceLevel", "waitP90"]);
    // The target only judges the results: on common random numbers every point is the same run.
    const numbersAt = (value: string) =>
      rows.filter((row) => row[0] === value).map((row) => row.slice(1).join(","));
    expect(numbersAt("0.2")).toEqual(numbersAt("0.1"));
    expect(numbersAt("0.3")).toEqual(numbersAt("0.1"));
    expect(outcome?.stdout).toMatch(/^serviceLevelTarget\s+serviceLevel\s+waitP90$/m);
    expect(existsSync(join(out, "charts"))).toBe(false);
  });
});

describe("bad sweeps exit 2 with one line per problem and no stack", () => {
  const out = join(scratch, "bad");
  const sweepWith = (...sets: string[]) =>
    ccsimAsync(
      "sweep",
      SHORT,
      ...sets.flatMap((set) => ["--set", set]),
      "--no-charts",
      "--out",
      out,
    );

  it(
    "names a path that names nothing once, not once per point",
    async () => {
      const outcome = await sweepWith("workers[agents].count=9..11");
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      const lines = outcome.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        '--set "workers[agents].count=9..11": no entry of workers has id "agents"',
      );
      expect(lines[0]).toContain('did you mean "agent"');
      expect(existsSync(out)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "names each value the scenario refuses, located in the file",
    async () => {
      const outcome = await sweepWith("workers[agent].count=-1..2");
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      const lines = outcome.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^test\/fixtures\/sweep\/short-voice\.yaml:\d+:\d+ .*got -1/);
      expect(lines[1]).toMatch(/got 0 /);
    },
    TEST_TIMEOUT_MS,
  );

  it.each([
    [["workers[agent].count=0.5..0.9"], "a range of decimals needs a step"],
    [["workers[agent].count=11..9"], "the range goes down"],
    [["seed=1..3"], "seed cannot be swept"],
    [["horizon=2h"], "sweep needs a --set with several values"],
    [["a=1,2", "b=1,2", "c=1,2"], "sweep varies at most 2 fields, got 3"],
  ])(
    "%j: %s",
    async (sets, message) => {
      const outcome = await sweepWith(...sets);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      // The usage error's one line, then the CLI's pointer to --help.
      const [line, ...rest] = outcome.stderr.trimEnd().split("\n");
      expect(line).toMatch(/^ccsim: /);
      expect(line).toContain(message);
      expect(rest).toEqual(['Run "ccsim --help" for usage.']);
    },
    TEST_TIMEOUT_MS,
  );
});
