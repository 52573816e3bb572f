import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_COMPARED_METRICS, METRIC_DIRECTIONS } from "../../src/comparison/index.ts";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

/** multi-skill cut to 1 h and 3 replications: seconds per variant, not minutes. */
const SHORT = "test/fixtures/compare/short-multi-skill.yaml";
/** Several CLI processes share two cores with other suites: far above vitest's 10 s default. */
const HOOK_TIMEOUT_MS = 240_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-compare-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (path: string) => readFileSync(path, "utf8");
/** A CSV's rows as arrays of fields (compare's names and numbers hold no commas or quotes). */
const rowsOf = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => line.split(","));

const expectSuccess = (outcome: Outcome) => {
  expect(outcome.stderr).not.toMatch(STACK_LINE);
  expect(outcome.status, outcome.stderr).toBe(0);
};

describe("ccsim compare --modes", () => {
  const serial = join(scratch, "modes-serial");
  const parallel = join(scratch, "modes-parallel");
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    outcomes = await Promise.all([
      ccsimAsync("compare", SHORT, "--no-charts", "--workers", "1", "--out", serial),
      ccsimAsync("compare", SHORT, "--no-charts", "--workers", "2", "--out", parallel),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("writes the three files, comparison.csv with the contract's header", () => {
    for (const outcome of outcomes) expectSuccess(outcome);
    expect(readdirSync(serial).sort()).toEqual([
      "comparison.csv",
      "comparison.json",
      "differences.csv",
    ]);
    const comparison = rowsOf(read(join(serial, "comparison.csv")));
    expect(comparison[0]).toEqual(["variant", "scope", "metric", "mean", "halfWidth"]);
    const variants = new Set(comparison.slice(1).map((row) => row[0]));
    expect([...variants]).toEqual(["longestIdle", "roundRobin", "bestWorker"]);
    // Fairness is among the estimates.
    expect(comparison.some((row) => row[2] === "jobsHandledSpread")).toBe(true);
  });

  it("judges every default metric of the overall scope for every mode but the baseline", () => {
    const [header, ...rows] = rowsOf(read(join(serial, "differences.csv")));
    const at = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((row) => `${row[at("variant")]} ${row[at("metric")]}`)).toEqual(
      ["roundRobin", "bestWorker"].flatMap((variant) =>
        DEFAULT_COMPARED_METRICS.map((metric) => `${variant} ${metric}`),
      ),
    );
    for (const row of rows) {
      expect(row[at("baseline")]).toBe("longestIdle");
      expect(row[at("scope")]).toBe("overall");
      expect(row[at("direction")]).toBe(METRIC_DIRECTIONS[row[at("metric")] as "serviceLevel"]);
    }
    const json = JSON.parse(read(join(serial, "comparison.json")));
    expect(json.comparisons).toBe(2 * DEFAULT_COMPARED_METRICS.length);
    expect(json.adjustment).toBe("Bonferroni");
    expect(outcomes[0]?.stdout).toContain(
      `95% family-wise over ${2 * DEFAULT_COMPARED_METRICS.length} differences`,
    );
    expect(outcomes[0]?.stdout).toContain(`wrote ${join(serial, "comparison.csv")}`);
  });

  it("writes byte-identical files on one worker thread and on two", () => {
    for (const name of ["comparison.csv", "differences.csv", "comparison.json"]) {
      expect(read(join(parallel, name)), name).toBe(read(join(serial, name)));
    }
  });
});

describe("the same scenario as two variants", () => {
  const twice = join(scratch, "twice");
  const asWritten = join(scratch, "as-written");
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    const seed = /^seed: (\d+)$/m.exec(read(SHORT))?.[1] ?? "missing";
    outcomes = await Promise.all([
      ccsimAsync("compare", SHORT, SHORT, "--no-charts", "--workers", "1", "--out", twice),
      ccsimAsync(
        "compare",
        SHORT,
        "--set",
        `seed=${seed}`,
        "--scopes",
        "all",
        "--no-charts",
        "--workers",
        "1",
        "--out",
        asWritten,
      ),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("is identical in every difference, and equal in every estimate", () => {
    for (const outcome of outcomes) expectSuccess(outcome);
    for (const folder of [twice, asWritten]) {
      const [header, ...rows] = rowsOf(read(join(folder, "differences.csv")));
      const verdict = header?.indexOf("verdict") ?? -1;
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row[verdict]))).toEqual(new Set(["identical"]));
      const [, ...estimates] = rowsOf(read(join(folder, "comparison.csv")));
      const names = [...new Set(estimates.map((row) => row[0]))];
      expect(names).toHaveLength(2);
      const of = (name: string | undefined) =>
        estimates.filter((row) => row[0] === name).map((row) => row.slice(1).join(","));
      expect(of(names[1])).toEqual(of(names[0]));
    }
    // A file named twice gets a second name; a --set variant is named by its text.
    expect(outcomes[0]?.stdout).toContain("short-multi-skill (2)");
    expect(outcomes[1]?.stdout).toMatch(/as written \(baseline\)/);
  });

  it("judges every scope with --scopes all: queues, arrival streams and worker groups", () => {
    const [header, ...rows] = rowsOf(read(join(asWritten, "differences.csv")));
    const scope = header?.indexOf("scope") ?? -1;
    const scopes = new Set(rows.map((row) => row[scope]));
    for (const expected of ["overall", "queue:sales", "arrival:sales-en", "group:spanish"]) {
      expect(scopes.has(expected), expected).toBe(true);
    }
  });
});

describe("several files", () => {
  const out = join(scratch, "files");
  let outcome: Outcome | undefined;
  beforeAll(async () => {
    outcome = await ccsimAsync(
      "compare",
      SHORT,
      "scenarios/quickstart.yaml",
      "--scopes",
      "all",
      "--metrics",
      "serviceLevel",
      "--no-charts",
      "--workers",
      "1",
      "--out",
      out,
    );
  }, HOOK_TIMEOUT_MS);

  it("runs every file on the first one's seed and count, and judges only shared scopes", () => {
    expectSuccess(outcome as Outcome);
    const stderr = outcome?.stderr ?? "";
    expect(stderr).toMatch(/variant "quickstart" runs with seed 2026 \(its own: 1\)/);
    expect(stderr).toMatch(/note: queue:sales is not compared \(variant "quickstart" has no/);
    expect(stderr).toMatch(/note: queue:queue-1 is not compared \(variant "short-multi-skill"/);
    const [header, ...rows] = rowsOf(read(join(out, "differences.csv")));
    const at = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((row) => [row[at("variant")], row[at("scope")], row[at("pairs")]])).toEqual([
      ["quickstart", "overall", "3"],
    ]);
    expect(JSON.parse(read(join(out, "comparison.json"))).comparisons).toBe(1);
  });
});

describe("bad input", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown mode", ["--modes", "longestIdle,roundrobin"], /did you mean "roundRobin"/],
    ["a single mode", ["--modes", "roundRobin"], /at least two modes/],
    ["--modes without names", ["--modes"], /--modes needs mode names/],
    ["an unknown baseline", ["--baseline", "roundrobin"], /--baseline "roundrobin"/],
    ["a baseline past the end", ["--baseline", "4"], /positions 1 to 3/],
    ["a malformed --set", ["--set", "horizon"], /--set "horizon"/],
    ["--set with --modes", ["--set", "seed=1", "--modes", "roundRobin,bestWorker"], /one kind/],
    ["--modes with several files", [SHORT, "--modes", "roundRobin,bestWorker"], /one kind/],
    ["an unknown metric", ["--metrics", "serviceLevl"], /did you mean "serviceLevel"/],
    ["a confidence of 95", ["--confidence", "95"], /between 0 and 1/],
  ];
  const out = join(scratch, "never");
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    outcomes = await Promise.all(
      cases.map(([, args]) => ccsimAsync("compare", SHORT, ...args, "--out", out)),
    );
  }, HOOK_TIMEOUT_MS);

  it.each(cases.map((one, index) => [one[0], index, one[2]] as const))(
    "%s: exit 2, one line, no stack, no files",
    (_, index, message) => {
      const outcome = outcomes[index] as Outcome;
      expect(outcome.status, outcome.stderr).toBe(2);
      expect(outcome.stderr).toMatch(message);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      expect(outcome.stderr.split("\n")[0]).toMatch(message);
      expect(outcome.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    },
  );
});
