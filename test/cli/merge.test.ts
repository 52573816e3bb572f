import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

/** multi-skill cut to 1 h: seconds per replication, two queues, NaN in some interval rows. */
const SHORT = "test/fixtures/compare/short-multi-skill.yaml";
/** Several CLI processes share two cores with other suites: far above vitest's 10 s default. */
const HOOK_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT_MS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-merge-test-"));
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

const expectRefused = (outcome: Outcome, message: RegExp) => {
  expect(outcome.stderr).not.toMatch(STACK_LINE);
  expect(outcome.status, outcome.stdout).toBe(2);
  expect(outcome.stderr).toMatch(message);
};

const shardFolder = (index: number) => join(scratch, `shard-${index}`);
const shardRun = (index: number, ...extra: string[]) =>
  ccsimAsync(
    "run",
    SHORT,
    "--replications",
    "5",
    "--workers",
    index === 2 ? "2" : "1",
    "--no-progress",
    "--shard",
    `${index}/3`,
    ...extra,
  );

describe("ccsim run --shard and ccsim merge", () => {
  const whole = join(scratch, "whole");
  const merged = join(scratch, "merged");
  let shardOutcomes: Outcome[] = [];
  let wholeOutcome: Outcome;
  let mergeOutcome: Outcome;
  beforeAll(async () => {
    [wholeOutcome, ...shardOutcomes] = await Promise.all([
      ccsimAsync(
        "run",
        SHORT,
        "--replications",
        "5",
        "--workers",
        "2",
        "--png",
        "--no-progress",
        "--out",
        whole,
      ),
      ...[1, 2, 3].map((index) => shardRun(index, "--out", shardFolder(index))),
    ]);
    // Given out of order: merge orders the replications itself.
    mergeOutcome = await ccsimAsync(
      "merge",
      shardFolder(3),
      shardFolder(1),
      shardFolder(2),
      "--png",
      "--out",
      merged,
    );
  }, HOOK_TIMEOUT_MS);

  it("each shard writes shard.json alone, with its round-robin replications", () => {
    for (const outcome of shardOutcomes) expectSuccess(outcome);
    const held = [1, 2, 3].map((index) => {
      expect(filesUnder(shardFolder(index))).toEqual(["shard.json"]);
      const file = JSON.parse(readFileSync(join(shardFolder(index), "shard.json"), "utf8"));
      expect(file.shard).toEqual({ index, count: 3 });
      expect(file.replications).toBe(5);
      return file.results.map((result: { replication: number }) => result.replication);
    });
    expect(held).toEqual([[0, 3], [1, 4], [2]]);
  });

  it("3 shards merged equal one run, byte for byte, every file, charts and PNGs included", () => {
    expectSuccess(wholeOutcome);
    expectSuccess(mergeOutcome);
    const files = filesUnder(whole);
    expect(files).toContain("report.html");
    expect(files.filter((name) => name.endsWith(".png")).length).toBeGreaterThan(0);
    expect(filesUnder(merged)).toEqual(files);
    for (const name of files) {
      const same = readFileSync(join(merged, name)).equals(readFileSync(join(whole, name)));
      expect(same, name).toBe(true);
    }
    expect(mergeOutcome.stdout).toMatch(/5 replication\(s\) from 3 shard\(s\)/);
  });

  describe("refuses shards that do not belong together (exit 2, naming the folders)", () => {
    const otherSeed = join(scratch, "other-seed");
    const otherScenario = join(scratch, "other-scenario");
    let outcomes: Record<string, Outcome> = {};
    beforeAll(async () => {
      await Promise.all([
        shardRun(3, "--seed", "7", "--out", otherSeed),
        ccsimAsync(
          "run",
          "scenarios/quickstart.yaml",
          "--replications",
          "5",
          "--no-progress",
          "--shard",
          "3/3",
          "--out",
          otherScenario,
        ),
      ]);
      const into = (name: string) => ["--no-charts", "--out", join(scratch, `refused-${name}`)];
      const [seed, missing, duplicate, scenario, notShard] = await Promise.all([
        ccsimAsync("merge", shardFolder(1), shardFolder(2), otherSeed, ...into("seed")),
        ccsimAsync("merge", shardFolder(1), shardFolder(3), ...into("missing")),
        ccsimAsync(
          "merge",
          shardFolder(1),
          shardFolder(2),
          shardFolder(3),
          shardFolder(2),
          ...into("duplicate"),
        ),
        ccsimAsync("merge", shardFolder(1), shardFolder(2), otherScenario, ...into("scenario")),
        ccsimAsync("merge", shardFolder(1), whole, ...into("not-shard")),
      ]);
      outcomes = { seed, missing, duplicate, scenario, notShard } as Record<string, Outcome>;
    }, HOOK_TIMEOUT_MS);

    it("another seed", () => {
      const outcome = outcomes.seed as Outcome;
      expectRefused(
        outcome,
        /the shards disagree on the seed: 2026 in .*shard-1, .*shard-2; 7 in .*other-seed/,
      );
    });

    it("a missing shard", () => {
      expectRefused(
        outcomes.missing as Outcome,
        /shard\(s\) 2\/3 missing \(given: 1\/3 in .*shard-1, 3\/3 in .*shard-3\)/,
      );
    });

    it("a shard given twice", () => {
      expectRefused(
        outcomes.duplicate as Outcome,
        /shard 2\/3 is given 2 times: .*shard-2, .*shard-2/,
      );
    });

    it("another scenario", () => {
      const outcome = outcomes.scenario as Outcome;
      expectRefused(
        outcome,
        /the shards disagree on the scenario: "short-multi-skill" in .*shard-1, .*shard-2; "quickstart" in .*other-scenario/,
      );
      // Every disagreement at once, one line each.
      expect(outcome.stderr).toMatch(/disagree on the scenario file's SHA-256/);
    });

    it("a folder without shard.json", () => {
      expectRefused(outcomes.notShard as Outcome, /whole: no shard\.json there/);
    });

    it("writes nothing when it refuses, not even the output folder", () => {
      expect(readdirSync(scratch).filter((name) => name.startsWith("refused-"))).toEqual([]);
    });
  });
});

describe("--shard checks (exit 2, one line, no stack)", () => {
  it(
    "refuses a malformed shard, i outside 1..n, more shards than replications, and --events",
    async () => {
      const out = join(scratch, "bad-shard");
      const [malformed, zero, beyond, tooMany, events] = await Promise.all([
        ccsimAsync("run", SHORT, "--shard", "2of3", "--out", out),
        ccsimAsync("run", SHORT, "--shard", "0/3", "--out", out),
        ccsimAsync("run", SHORT, "--shard", "4/3", "--out", out),
        ccsimAsync("run", SHORT, "--replications", "2", "--shard", "1/3", "--out", out),
        ccsimAsync("run", SHORT, "--events", "--shard", "1/3", "--out", out),
      ]);
      expectRefused(malformed as Outcome, /--shard 2of3: expected i\/n/);
      expectRefused(zero as Outcome, /--shard 0\/3: i must be from 1 to 3/);
      expectRefused(beyond as Outcome, /--shard 4\/3: i must be from 1 to 3/);
      expectRefused(tooMany as Outcome, /3 shards for 2 replication\(s\)/);
      expectRefused(events as Outcome, /--events cannot go with --shard/);
    },
    TEST_TIMEOUT_MS,
  );
});
