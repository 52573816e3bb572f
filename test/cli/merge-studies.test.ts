import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

/** multi-skill cut to 1 h: seconds per replication, two queues, NaN in some interval rows. */
const COMPARE_SCENARIO = "test/fixtures/compare/short-multi-skill.yaml";
/** voice-50 scaled down: a second per point. */
const SWEEP_SCENARIO = "test/fixtures/sweep/short-voice.yaml";
const SWEEP_SET = "workers[agent].count=9..11";
/** Many CLI processes share two cores with other suites: far above vitest's 10 s default. */
const HOOK_TIMEOUT_MS = 300_000;
const TEST_TIMEOUT_MS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-merge-studies-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `folder`, relative, sorted (charts/… included). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

const expectSuccess = (outcome: Outcome) => {
  expect(outcome.stderr).not.toMatch(STACK_LINE);
  expect(outcome.status, outcome.stderr).toBe(0);
};

/** Every file of `whole` is in `merged`, byte for byte, and nothing else. */
function expectSameFiles(whole: string, merged: string): void {
  const files = filesUnder(whole);
  expect(files.filter((name) => name.startsWith("charts/")).length).toBeGreaterThan(0);
  expect(filesUnder(merged)).toEqual(files);
  for (const name of files) {
    const same = readFileSync(join(merged, name)).equals(readFileSync(join(whole, name)));
    expect(same, name).toBe(true);
  }
}

const folder = (name: string) => join(scratch, name);
const compare = (...extra: string[]) =>
  ccsimAsync("compare", COMPARE_SCENARIO, "--replications", "3", "--no-progress", ...extra);
const sweep = (...extra: string[]) =>
  ccsimAsync("sweep", SWEEP_SCENARIO, "--set", SWEEP_SET, "--no-progress", ...extra);
const shardArguments = (index: number, prefix: string) => [
  "--workers",
  index === 2 ? "2" : "1",
  "--shard",
  `${index}/3`,
  "--out",
  folder(`${prefix}-${index}`),
];

describe("ccsim compare and sweep --shard, and ccsim merge of their shards", () => {
  let outcomes: Outcome[] = [];
  let compareMerge: Outcome;
  let sweepMerge: Outcome;
  beforeAll(async () => {
    // Two at a time: the machine is small and shared.
    outcomes = [
      ...(await Promise.all([
        compare("--workers", "1", "--out", folder("compare-whole")),
        sweep("--workers", "1", "--out", folder("sweep-whole")),
      ])),
    ];
    for (const index of [1, 2, 3]) {
      outcomes.push(
        ...(await Promise.all([
          compare(...shardArguments(index, "compare")),
          sweep(...shardArguments(index, "sweep")),
        ])),
      );
    }
    // Given out of order: merge orders the replications itself.
    [compareMerge, sweepMerge] = await Promise.all([
      ccsimAsync(
        "merge",
        folder("compare-3"),
        folder("compare-1"),
        folder("compare-2"),
        "--out",
        folder("compare-merged"),
      ),
      ccsimAsync(
        "merge",
        folder("sweep-2"),
        folder("sweep-3"),
        folder("sweep-1"),
        "--out",
        folder("sweep-merged"),
      ),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("each shard writes shard.json alone: its command and its replications of every variant", () => {
    for (const outcome of outcomes) expectSuccess(outcome);
    for (const [prefix, command, list] of [
      ["compare", "compare", "variants"],
      ["sweep", "sweep", "points"],
    ] as const) {
      for (const index of [1, 2, 3]) {
        const shard = folder(`${prefix}-${index}`);
        expect(filesUnder(shard)).toEqual(["shard.json"]);
        const file = JSON.parse(readFileSync(join(shard, "shard.json"), "utf8"));
        expect(file.command).toBe(command);
        expect(file.shard).toEqual({ index, count: 3 });
        expect(file[list]).toHaveLength(3);
        for (const series of file[list]) {
          expect(series.results.map((one: { replication: number }) => one.replication)).toEqual([
            index - 1,
          ]);
        }
      }
    }
  });

  it(
    "3 compare shards merged equal one compare, byte for byte, every file",
    () => {
      expectSuccess(compareMerge);
      expectSameFiles(folder("compare-whole"), folder("compare-merged"));
      expect(compareMerge.stdout).toMatch(/3 variants × 3 replication\(s\) from 3 shard\(s\)/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "3 sweep shards merged equal one sweep, byte for byte, every file",
    () => {
      expectSuccess(sweepMerge);
      expectSameFiles(folder("sweep-whole"), folder("sweep-merged"));
      expect(sweepMerge.stdout).toMatch(/3 points × 3 replication\(s\) from 3 shard\(s\)/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "refuses a compare shard beside a run's, and compare shards of other options (exit 2, naming the folders)",
    async () => {
      const [run, otherBaseline] = await Promise.all([
        ccsimAsync(
          "run",
          COMPARE_SCENARIO,
          "--replications",
          "3",
          "--no-progress",
          "--workers",
          "1",
          "--shard",
          "3/3",
          "--out",
          folder("run-3"),
        ),
        compare("--baseline", "roundRobin", ...shardArguments(3, "baseline")),
      ]);
      expectSuccess(run);
      expectSuccess(otherBaseline);
      const into = (name: string) => ["--no-charts", "--out", folder(`refused-${name}`)];
      const [mixed, options] = await Promise.all([
        ccsimAsync(
          "merge",
          folder("compare-1"),
          folder("compare-2"),
          folder("run-3"),
          ...into("mixed"),
        ),
        ccsimAsync(
          "merge",
          folder("compare-1"),
          folder("compare-2"),
          folder("baseline-3"),
          ...into("options"),
        ),
      ]);
      for (const outcome of [mixed, options]) {
        expect(outcome.stderr).not.toMatch(STACK_LINE);
        expect(outcome.status, outcome.stdout).toBe(2);
      }
      expect(mixed.stderr).toContain(
        `the shards disagree on the command: compare in ${folder("compare-1")}, ${folder("compare-2")}; run in ${folder("run-3")}`,
      );
      expect(options.stderr).toContain(
        `the shards ran different variants, points or options under the same file and seed: ${folder("compare-1")}, ${folder("compare-2")} against ${folder("baseline-3")}`,
      );
    },
    HOOK_TIMEOUT_MS,
  );
});
