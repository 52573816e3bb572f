/**
 * The files of a sharded `staff --per-interval`: a day's shard.json and the study's
 * staff-progress.json keep every estimate (an interval without arrivals has a NaN service
 * level) through writing and reading and record no layout (derived from the scenario), a
 * resumed round is checked against the study's options, one line per difference, and merge
 * refuses a day's shards that are not one study's day, one line each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkShards } from "../../src/cli/merge/check-shards.ts";
import type { ShardInFolder } from "../../src/cli/merge/read-shards.ts";
import {
  type CurveShardFile,
  parseShardFile,
  renderCurveShardFile,
  type ShardReplication,
  scenarioSha256Of,
} from "../../src/cli/run/shard-file.ts";
import {
  type CurveStudyHeader,
  progressMismatches,
  readCurveProgress,
  renderCurveProgress,
} from "../../src/cli/staff/curve-shard-progress.ts";
import { loadScenario } from "../../src/index.ts";

/** A real scenario: the shard carries it so that merge can rebuild the search's theory. */
const scenarioDefinition = await loadScenario("test/fixtures/staff/three-intervals.yaml");

const header: CurveStudyHeader = {
  scenario: "three-intervals",
  seed: 11,
  replications: 4,
  provenance: {
    ccsimVersion: "0.1.0",
    scenarioFile: "test/fixtures/staff/three-intervals.yaml",
    scenarioSha256: "ab".repeat(32),
    traceFiles: [],
  },
  scenarioSha256: scenarioSha256Of(scenarioDefinition),
  options: {
    group: "agent",
    targets: ["serviceLevel>=0.8"],
    criterion: "interval",
    min: 0,
    max: 1000,
    maxDays: 60,
  },
};

const days = [
  {
    staffing: [9, 22, 12],
    estimates: [
      [{ mean: 0.91, halfWidth: 0.1 }],
      [{ mean: 0.75, halfWidth: null }],
      [{ mean: Number.NaN, halfWidth: null }],
    ],
  },
];

const scratch = mkdtempSync(join(tmpdir(), "ccsim-curve-shard-file-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the shard file of a day of staff --per-interval", () => {
  it("keeps the days merged before, NaN estimates included, through writing and reading", () => {
    const { scenario, seed, replications, provenance, ...identity } = header;
    const text = renderCurveShardFile(
      { scenario, seed, replications, provenance, shard: { index: 2, count: 3 } },
      { ...identity, scenarioDefinition, days, staffing: [10, 23, 12], results: [] },
    );
    const parsed = parseShardFile(text) as CurveShardFile;
    expect(typeof parsed).toBe("object");
    expect(parsed.command).toBe("staff");
    expect(parsed.formatVersion).toBe(2);
    expect(parsed.staffing).toEqual([10, 23, 12]);
    // The start and Erlang's curve are the scenario's: merge derives them, the file holds none.
    expect(Object.keys(parsed)).not.toContain("layout");
    expect(parsed.scenarioDefinition).toEqual(scenarioDefinition);
    expect(Number.isNaN(parsed.days[0]?.estimates[2]?.[0]?.mean)).toBe(true);
    expect(parsed.days[0]?.estimates[1]?.[0]).toEqual({ mean: 0.75, halfWidth: null });
  });

  it("refuses a staff shard without the search's options", () => {
    const text = renderCurveShardFile(
      { ...header, shard: { index: 1, count: 1 } },
      { ...header, scenarioDefinition, days, staffing: [1, 2, 3], results: [] },
    ).replace('"criterion":"interval"', '"criterion":"median"');
    expect(parseShardFile(text)).toMatch(/options\.criterion/);
  });
});

describe("merge's checks of a day's shards", () => {
  /** Shard `index` of 2 of the day `staffing`, holding its replications of 4 (metrics unread). */
  const shardOf = (
    index: number,
    changes: Partial<CurveShardFile> = {},
    held = index === 1 ? [0, 2] : [1, 3],
  ): CurveShardFile => ({
    format: "ccsim-shard",
    formatVersion: 2,
    command: "staff",
    ...header,
    shard: { index, count: 2 },
    scenarioDefinition,
    days,
    staffing: [10, 23, 12],
    results: held.map((replication) => ({ replication, metrics: {} }) as ShardReplication),
    ...changes,
  });
  const check = (...shards: CurveShardFile[]) => {
    const checked = checkShards(
      shards.map((file, index): ShardInFolder => ({ folder: `shards/${index + 1}`, file })),
      "0.1.0",
    );
    return checked.ok ? [] : checked.problems;
  };

  it("accepts a day's shards given in any order", () => {
    expect(check(shardOf(2), shardOf(1))).toEqual([]);
  });

  it("refuses a shard of another search: another scenario (by its hash) or other options", () => {
    const otherScenario = { ...scenarioDefinition, warmupSeconds: 60 };
    const anotherScenario = shardOf(2, {
      scenarioDefinition: otherScenario,
      scenarioSha256: scenarioSha256Of(otherScenario),
    });
    const differentDays =
      "the shards simulated different days or searches (every shard of a round takes the same options and --resume) under the same file and seed: shards/1 against shards/2";
    expect(check(shardOf(1), anotherScenario)).toEqual([differentDays]);
    const otherOptions = shardOf(2, { options: { ...header.options, min: 5 } });
    expect(check(shardOf(1), otherOptions)).toEqual([differentDays]);
  });

  it("refuses shards of two rounds, and a shard missing or given twice", () => {
    const nextRound = shardOf(2, {
      days: [...days, { staffing: [10, 23, 12], estimates: days[0]?.estimates ?? [] }],
      staffing: [11, 23, 12],
    });
    expect(check(shardOf(1), nextRound)[0]).toMatch(/simulated different days or searches/);
    expect(check(shardOf(1), shardOf(1))).toEqual([
      "shard 1/2 is given 2 times: shards/1, shards/2",
      "shard(s) 2/2 missing (given: 1/2 in shards/1, 1/2 in shards/2)",
    ]);
  });

  it("refuses a shard whose scenario is not the one its hash names", () => {
    const edited = shardOf(2, {
      scenarioDefinition: { ...scenarioDefinition, warmupSeconds: 60 },
    });
    expect(check(shardOf(1), edited)).toEqual([
      "shards/2: its scenarioDefinition is not the scenario its scenarioSha256 names (the file was edited?): run the shard again",
    ]);
  });

  it("refuses a shard of format version 1 (which carried a layout), saying to run it again", () => {
    const text = renderCurveShardFile(
      { ...header, shard: { index: 1, count: 1 } },
      { ...header, scenarioDefinition, days, staffing: [1, 2, 3], results: [] },
    ).replace('"formatVersion":2', '"formatVersion":1');
    expect(parseShardFile(text)).toBe(
      "shard file format version 1; this ccsim reads version 2: written by an older ccsim, run the shards again with this one",
    );
  });
});

describe("staff-progress.json", () => {
  it("reads back what merge wrote, NaN included", () => {
    const folder = join(scratch, "study");
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    writeFileSync(
      join(folder, "staff-progress.json"),
      renderCurveProgress(header, days, [10, 23, 12]),
    );
    const progress = readCurveProgress(folder);
    if (typeof progress === "string") expect.unreachable(progress);
    expect(progress.next).toEqual([10, 23, 12]);
    expect(Number.isNaN(progress.days[0]?.estimates[2]?.[0]?.mean)).toBe(true);
    expect(progressMismatches(progress, header, folder)).toEqual([]);
  });

  it("names every option a resumed round changes, one line each", () => {
    const other: CurveStudyHeader = {
      ...header,
      seed: 12,
      options: { ...header.options, targets: ["serviceLevel>=0.85"], maxDays: 20 },
    };
    const problems = progressMismatches(header, other, "study");
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(
      "--resume study: the study's seed is 11, this command's 12: resume a study with the options that started it",
    );
    expect(problems[1]).toContain(
      '--target is ["serviceLevel>=0.8"], this command\'s ["serviceLevel>=0.85"]',
    );
    expect(problems[2]).toContain("--max-days is 60, this command's 20");
  });

  it("names a resumed round's other scenario by its hash (the start and Erlang's curve follow)", () => {
    const otherScenario = { ...scenarioDefinition, warmupSeconds: 60 };
    const other: CurveStudyHeader = { ...header, scenarioSha256: scenarioSha256Of(otherScenario) };
    expect(progressMismatches(header, other, "study")).toEqual([
      `--resume study: the study's scenario as checked is "${header.scenarioSha256}", this command's "${other.scenarioSha256}": resume a study with the options that started it`,
    ]);
  });

  it("says why a folder has no progress to resume", () => {
    expect(readCurveProgress(join(scratch, "absent"))).toMatch(/no such folder/);
    const ended = join(scratch, "ended");
    mkdirSync(ended, { recursive: true });
    writeFileSync(join(ended, "staffing-intervals.csv"), "intervalStartSeconds\n");
    expect(readCurveProgress(ended)).toMatch(/the search there has ended/);
    const broken = join(scratch, "broken");
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "staff-progress.json"), '{"format":"ccsim-staff-progress"');
    expect(readCurveProgress(broken)).toMatch(/not JSON/);
  });

  it("refuses a progress file of format version 1 (which carried a layout): start again", () => {
    const old = join(scratch, "old");
    mkdirSync(old, { recursive: true });
    const text = renderCurveProgress(header, days, [10, 23, 12]);
    expect(text).not.toContain('"layout"');
    writeFileSync(
      join(old, "staff-progress.json"),
      text.replace('"formatVersion":2', '"formatVersion":1'),
    );
    expect(readCurveProgress(old)).toBe(
      `${join(old, "staff-progress.json")}: progress file format version 1; this ccsim reads version 2: written by an older ccsim, start the search again (its shards without --resume)`,
    );
  });
});
