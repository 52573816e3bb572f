/**
 * `ccsim staff --per-interval --shard i/n` and `ccsim merge` of its shards, round after round as
 * a script runs them, on a three-interval day: the merged study's files equal the unsharded
 * search's byte for byte, staff-progress.json holds the next day between rounds and is gone at
 * the end; rounds that do not belong together are refused, exit 2, one line each.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

const DAY = "test/fixtures/staff/three-intervals.yaml";
/** Three days: three rounds of shards and merges (the search stops at the budget). */
const MAX_DAYS = "3";
/** Many CLI processes share two cores with other suites: far above vitest's 10 s default. */
const HOOK_TIMEOUT_MS = 600_000;
const TEST_TIMEOUT_MS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-staff-curve-shard-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = (name: string) => join(scratch, name);
const PROGRESS = "staff-progress.json";

const staff = (...extra: string[]) =>
  ccsimAsync(
    "staff",
    DAY,
    "--group",
    "agent",
    "--target",
    "serviceLevel>=0.8",
    "--per-interval",
    "--max-days",
    MAX_DAYS,
    "--no-progress",
    ...extra,
  );
/** Shard `index` of 3 (on one worker: worker threads cost a loaded machine more than they save). */
const shardOf = (index: number, ...extra: string[]) =>
  staff("--workers", "1", "--shard", `${index}/3`, "--out", folder(`shard-${index}`), ...extra);
const merge = (...folders: string[]) => ccsimAsync("merge", ...folders, "--out", folder("study"));
const shardFolders = [1, 2, 3].map((index) => folder(`shard-${index}`));

/** Every file under `root`, relative, sorted (charts/… included). */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

const expectSuccess = (outcome: Outcome) => {
  expect(outcome.stderr).not.toMatch(STACK_LINE);
  expect(outcome.status, outcome.stderr).toBe(0);
};

const expectRefused = (outcome: Outcome) => {
  expect(outcome.stderr).not.toMatch(STACK_LINE);
  expect(outcome.status, outcome.stderr).toBe(2);
};

describe("ccsim staff --per-interval --shard, merged round by round", () => {
  let whole: Outcome;
  const rounds: { shards: Outcome[]; merge: Outcome; progress: string | undefined }[] = [];
  let wrongOptions: Outcome;
  let missingShard: Outcome;
  let mixedRounds: Outcome;
  beforeAll(async () => {
    let resume: string[] = [];
    for (let round = 1; round <= Number(MAX_DAYS) + 1; round++) {
      // The shards of a round run at once, as on separate machines; beside round 1 the
      // unsharded search, beside round 2 a shard resuming the study with other options.
      const [other, ...shards] = await Promise.all([
        round === 1
          ? staff("--workers", "1", "--out", folder("whole"))
          : round === 2
            ? staff(
                "--workers",
                "1",
                "--target",
                "serviceLevel>=0.85",
                "--seed",
                "12",
                "--shard",
                "1/3",
                "--resume",
                folder("study"),
                "--out",
                folder("wrong"),
              )
            : undefined,
        ...[1, 2, 3].map((index) => shardOf(index, ...resume)),
      ]);
      if (round === 1) {
        whole = other as Outcome;
        // Before round 1 is merged: keep its shard 3, to merge with round 2's by mistake.
        cpSync(folder("shard-3"), folder("round-1-shard-3"), { recursive: true });
      }
      if (round === 2) {
        wrongOptions = other as Outcome;
        [missingShard, mixedRounds] = await Promise.all([
          merge(folder("shard-1"), folder("shard-2")),
          merge(folder("shard-1"), folder("shard-2"), folder("round-1-shard-3")),
        ]);
      }
      // Given out of order: merge orders the replications itself.
      const merged = await merge(...[...shardFolders].reverse());
      const progressPath = join(folder("study"), PROGRESS);
      const progress = existsSync(progressPath) ? readFileSync(progressPath, "utf8") : undefined;
      rounds.push({ shards: shards as Outcome[], merge: merged, progress });
      if (progress === undefined || merged.status !== 0) break;
      resume = ["--resume", folder("study")];
    }
  }, HOOK_TIMEOUT_MS);

  it("advances one day per round and ends with the unsharded search's files, byte for byte", () => {
    expectSuccess(whole);
    expect(rounds.length).toBe(Number(MAX_DAYS));
    for (const round of rounds) {
      for (const shard of round.shards) expectSuccess(shard);
      expectSuccess(round.merge);
    }
    // Between rounds the study says which day is next; the last merge removes it.
    for (const round of rounds.slice(0, -1)) {
      expect(round.progress).toBeDefined();
      expect(round.merge.stdout).toContain("the search goes on");
    }
    expect(rounds.at(-1)?.progress).toBeUndefined();
    expect(rounds.at(-1)?.merge.stdout).toContain(`${PROGRESS} (the search has ended)`);
    const files = filesUnder(folder("whole"));
    expect(files).toContain("staffing-intervals.csv");
    expect(files).toContain("charts/staffing-curve.svg");
    expect(filesUnder(folder("study"))).toEqual(files);
    for (const name of files) {
      const same = readFileSync(join(folder("study"), name)).equals(
        readFileSync(join(folder("whole"), name)),
      );
      expect(same, name).toBe(true);
    }
    // The console report is the unsharded one (its first line: the answer and the day count).
    const answerLine = whole.stdout.split("\n")[0] as string;
    expect(answerLine).toContain("3 day-simulation(s)");
    expect(rounds.at(-1)?.merge.stdout.split("\n")[0]).toBe(answerLine);
  });

  it("simulates in each round the day the last merge named", () => {
    for (const [index, round] of rounds.slice(0, -1).entries()) {
      const progress = JSON.parse(round.progress as string) as {
        days: { staffing: number[] }[];
        next: number[];
      };
      expect(progress.days.length).toBe(index + 1);
      const next = rounds[index + 1] as (typeof rounds)[number];
      for (const shard of next.shards) expect(shard.stderr).toContain(progress.next.join(" "));
    }
  });

  it(
    "refuses to resume a study with other options, one line each",
    () => {
      expectRefused(wrongOptions);
      const lines = wrongOptions.stderr.split("\n").filter((line) => line.includes("--resume"));
      expect(lines.some((line) => line.includes("seed"))).toBe(true);
      expect(lines.some((line) => line.includes("--target"))).toBe(true);
      expect(existsSync(join(folder("wrong"), "shard.json"))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it("refuses a round with a shard missing, or shards of two rounds", () => {
    expectRefused(missingShard);
    expect(missingShard.stderr).toContain("shard(s) 3/3 missing");
    expectRefused(mixedRounds);
    expect(mixedRounds.stderr).toContain("simulated different days or searches");
  });

  it(
    "refuses to resume a search that has ended",
    async () => {
      const ended = await shardOf(1, "--resume", folder("study"));
      expectRefused(ended);
      expect(ended.stderr).toContain("the search there has ended");
    },
    TEST_TIMEOUT_MS,
  );
});
